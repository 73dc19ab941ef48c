import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { logAccess } from '../audit/access-log.ts'
import { diffFields, recordChanges } from '../audit/change-history.ts'
import type { Actor } from '../auth/current-user.ts'
import type { Db, DbOrTx } from '../db/client.ts'
import { timescaleException, userAccount } from '../db/schema/index.ts'
import type { IsoDate } from '../domain/calendar/working-days.ts'
import { RULES } from '../rules/catalogue/index.ts'
import { evaluateRules } from '../rules/engine/evaluate.ts'
import type { Flag } from '../rules/engine/types.ts'
import { today } from './dates.ts'
import { Checker, ConflictError, NotFoundError, ValidationError } from './errors.ts'

// Recorded reasons for going beyond a timescale that guidance lets be exceeded (an assessment paced to the
// child, a conference moved for the family): a worker records why, a manager agrees it, and the flag shows
// both instead of disappearing. The latest reason for a flag is the one that counts; earlier ones stay as
// history.

export interface FlagKey {
  ruleId: string
  subjectType: string
  subjectId: number
}

export const flagKey = (k: FlagKey) => `${k.ruleId}|${k.subjectType}|${k.subjectId}`

export interface ReasonView {
  id: number
  personId: number
  ruleId: string
  subjectType: string
  subjectId: number
  reason: string
  recordedBy: string | null
  recordedById: number | null
  recordedAt: Date
  agreedBy: string | null
  agreedOn: IsoDate | null
}

const recorder = alias(userAccount, 'recorder')
const agreer = alias(userAccount, 'agreer')

function reasonQuery(db: DbOrTx) {
  return db
    .select({
      id: timescaleException.id,
      personId: timescaleException.personId,
      ruleId: timescaleException.ruleId,
      subjectType: timescaleException.subjectType,
      subjectId: timescaleException.subjectId,
      reason: timescaleException.reason,
      recordedBy: recorder.displayName,
      recordedById: timescaleException.recordedBy,
      recordedAt: timescaleException.recordedAt,
      agreedBy: agreer.displayName,
      agreedOn: timescaleException.agreedOn,
    })
    .from(timescaleException)
    .leftJoin(recorder, eq(recorder.id, timescaleException.recordedBy))
    .leftJoin(agreer, eq(agreer.id, timescaleException.agreedBy))
}

/**
 * The latest reason recorded for each flag of these children by the end of `asAt`, by flag key. An
 * agreement made after `asAt` is not shown, so a past date shows things as they stood.
 */
export async function latestReasons(
  db: DbOrTx,
  personIds: readonly number[],
  asAt: IsoDate = today(),
): Promise<Map<string, ReasonView>> {
  if (personIds.length === 0) return new Map()
  const rows = await reasonQuery(db)
    .where(
      and(
        inArray(timescaleException.personId, [...new Set(personIds)]),
        sql`(${timescaleException.recordedAt} at time zone 'Europe/London')::date <= ${asAt}`,
      ),
    )
    .orderBy(timescaleException.recordedAt, timescaleException.id)
  const latest = new Map<string, ReasonView>()
  for (const row of rows) {
    const agreed = row.agreedOn !== null && row.agreedOn <= asAt
    latest.set(flagKey(row), {
      ...row,
      agreedBy: agreed ? row.agreedBy : null,
      agreedOn: agreed ? row.agreedOn : null,
    })
  }
  return latest
}

async function latestReason(db: DbOrTx, personId: number, key: FlagKey) {
  const [row] = await reasonQuery(db)
    .where(
      and(
        eq(timescaleException.personId, personId),
        eq(timescaleException.ruleId, key.ruleId),
        eq(timescaleException.subjectType, key.subjectType),
        eq(timescaleException.subjectId, key.subjectId),
      ),
    )
    .orderBy(desc(timescaleException.recordedAt), desc(timescaleException.id))
    .limit(1)
  return row ?? null
}

/** The child's current flag for this rule and subject (due soon or overdue), if there is one today. */
export async function currentFlag(
  db: DbOrTx,
  personId: number,
  key: FlagKey,
  asAt: IsoDate = today(),
): Promise<Flag | null> {
  const rule = RULES.find((r) => r.id === key.ruleId)
  if (!rule) return null
  const flags = await evaluateRules(db, { asAt, personIds: [personId], ruleIds: [key.ruleId] })
  return (
    flags.find(
      (f) => f.subjectType === key.subjectType && f.subjectId === key.subjectId && f.severity !== 'query',
    ) ?? null
  )
}

/** What the reason form shows: the flag, the rule, and the reason recorded so far (if any). */
export async function reasonForm(db: DbOrTx, personId: number, key: FlagKey) {
  const rule = RULES.find((r) => r.id === key.ruleId)
  if (!rule?.allowsRecordedReason) throw new NotFoundError('This timescale does not take a recorded reason')
  const flag = await currentFlag(db, personId, key)
  if (!flag) throw new NotFoundError('Nothing is due or overdue for this timescale now')
  return { rule, flag, latest: await latestReason(db, personId, key) }
}

export interface ReasonInput extends FlagKey {
  reason: string
  /** The latest reason when the user started (null for none): a newer one means someone else wrote first. */
  replacesId: number | null
}

/**
 * Records why a timescale will be, or was, exceeded. Refused unless the rule allows it, the child has that
 * timescale due soon or overdue now, and a reason is given; refused with the other person's reason if
 * someone recorded one since the user started. Written with its change history and access-log entry.
 */
export async function recordReason(db: Db, actor: Actor, personId: number, input: ReasonInput) {
  const rule = RULES.find((r) => r.id === input.ruleId)
  if (!rule) throw new NotFoundError(`No rule ${input.ruleId}`)
  const c = new Checker()
  c.check(
    rule.allowsRecordedReason,
    'reason',
    `“${rule.title}” cannot be exceeded with a recorded reason: it is a fixed requirement`,
  )
  const reason = input.reason.trim()
  if (reason === '') c.add('reason', 'Enter the reason the timescale will not be, or was not, met')
  else if (reason.length > 2000) c.add('reason', 'The reason must be 2,000 characters or fewer')
  c.throwIfAny()
  const flag = await currentFlag(db, personId, input)
  if (!flag)
    throw new ValidationError({
      reason: 'Nothing is due or overdue for this timescale now, so no reason is needed',
    })
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`reason:${personId}:${flagKey(input)}`}))`)
    const latest = await latestReason(tx, personId, input)
    if ((latest?.id ?? null) !== input.replacesId) {
      throw new ConflictError(
        'Someone else recorded a reason for this while you were writing yours.',
        latest
          ? [{ field: 'reason', theirValue: latest.reason, by: latest.recordedBy, at: latest.recordedAt }]
          : [],
      )
    }
    const values = {
      personId,
      ruleId: input.ruleId,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      reason,
      recordedBy: actor.user.id,
    }
    const [row] = await tx.insert(timescaleException).values(values).returning({ id: timescaleException.id })
    const id = row!.id
    await recordChanges(tx, actor, {
      entityType: 'timescale-exception',
      entityId: id,
      personId,
      version: 1,
      changes: diffFields(null, {
        ruleId: values.ruleId,
        subjectType: values.subjectType,
        subjectId: values.subjectId,
        reason,
      }),
      reason: latest ? `Replaces reason ${latest.id}` : null,
    })
    await logAccess(tx, actor, {
      action: 'create',
      subjectType: 'timescale-exception',
      subjectId: id,
      personId,
      detail: { ruleId: input.ruleId, dueOn: flag.dueOn },
    })
    return id
  })
}

/**
 * A manager agrees a recorded reason. Refused if it is not the child's, has been replaced by a newer
 * reason, was already agreed (by whom, when), or was recorded by the same manager: a second person agrees.
 */
export async function agreeReason(db: Db, actor: Actor, personId: number, reasonId: number) {
  return db.transaction(async (tx) => {
    const [found] = await reasonQuery(tx).where(
      and(eq(timescaleException.id, reasonId), eq(timescaleException.personId, personId)),
    )
    if (!found) throw new NotFoundError(`No recorded reason ${reasonId}`)
    if (found.agreedOn !== null) {
      throw new ConflictError(
        `This reason was already agreed${found.agreedBy ? ` by ${found.agreedBy}` : ''}.`,
        [
          {
            field: 'agreed on',
            theirValue: found.agreedOn,
            by: found.agreedBy,
            at: new Date(`${found.agreedOn}T12:00:00Z`),
          },
        ],
      )
    }
    const latest = await latestReason(tx, personId, found)
    if (latest && latest.id !== found.id) {
      throw new ConflictError('A newer reason has been recorded for this: read it before agreeing.', [
        { field: 'reason', theirValue: latest.reason, by: latest.recordedBy, at: latest.recordedAt },
      ])
    }
    if (found.recordedById === actor.user.id)
      throw new ValidationError({ agree: 'Another manager must agree a reason you recorded yourself' })
    const agreedOn = today()
    const updated = await tx
      .update(timescaleException)
      .set({ agreedBy: actor.user.id, agreedOn })
      .where(and(eq(timescaleException.id, reasonId), sql`${timescaleException.agreedOn} is null`))
      .returning({ id: timescaleException.id })
    if (updated.length === 0) throw new ConflictError('This reason was agreed by someone else just now.', [])
    await recordChanges(tx, actor, {
      entityType: 'timescale-exception',
      entityId: reasonId,
      personId,
      version: 2,
      changes: diffFields({ agreedBy: null, agreedOn: null }, { agreedBy: actor.user.id, agreedOn }),
      reason: 'Agreed by a manager',
    })
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'timescale-exception',
      subjectId: reasonId,
      personId,
      detail: { agreed: true, ruleId: found.ruleId },
    })
  })
}

/** One recorded reason of the child's, with the rule it is about and whether it is still the latest. */
export async function getReason(db: DbOrTx, personId: number, reasonId: number) {
  const [found] = await reasonQuery(db).where(
    and(eq(timescaleException.id, reasonId), eq(timescaleException.personId, personId)),
  )
  if (!found) throw new NotFoundError(`No recorded reason ${reasonId}`)
  const latest = await latestReason(db, personId, found)
  return {
    ...found,
    rule: RULES.find((r) => r.id === found.ruleId) ?? null,
    isLatest: latest?.id === found.id,
    flag: await currentFlag(db, personId, found),
  }
}
