import { and, desc, eq, ne, sql } from 'drizzle-orm'
import { logAccess } from '../../audit/access-log.ts'
import { diffFields, recordChanges } from '../../audit/change-history.ts'
import type { Actor } from '../../auth/current-user.ts'
import type { Db, DbOrTx } from '../../db/client.ts'
import { missingEpisode } from '../../db/schema/index.ts'
import { isIsoDate } from '../../domain/calendar/iso-date.ts'
import { isSsda903Code } from '../../domain/codes/codes.ts'
import { today } from '../dates.ts'
import { Checker, ConflictError, NotFoundError, ValidationError } from '../errors.ts'
import { changesSince } from '../people.ts'
import {
  MISSING_KIND_LABELS,
  MISSING_REASON_CATEGORIES,
  MISSING_REASON_LABELS,
  type MissingReasonCategory,
} from './labels.ts'

// Missing from home or care, or away without permission (903 Missing: MISSING M/A, MIS_START, MIS_END),
// for any child — in care, on a child protection plan or not. The return home interview should be offered
// within 72 hours of the child coming back; the reasons the child gave are kept in their words and as
// categories, so patterns across episodes show.

/** Statutory guidance: a return home interview within 72 hours of the child's return. */
export const RETURN_INTERVIEW_HOURS = 72

export interface MissingEpisodeInput {
  /** 903 MISSING: M missing, A away without authorisation. */
  kind: string
  /** Local (UK) date and time "YYYY-MM-DDTHH:MM", or an ISO timestamp with its offset. */
  startedAt: string
  endedAt?: string | null
  returnInterviewOfferedAt?: string | null
  /** null: not answered. */
  returnInterviewAccepted?: boolean | null
  returnInterviewHeldAt?: string | null
  reasonsGiven?: string | null
  reasonCategories?: string[]
}

const clean = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null)

/** Minutes London is ahead of UTC at an instant (0 in winter, 60 in summer). */
function londonOffsetMinutes(at: Date): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  )
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  )
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000)
}

/** A UK local date and time as an instant. */
export function londonDateTime(date: string, time: string): Date {
  const guess = new Date(`${date}T${time}:00Z`)
  return new Date(guess.getTime() - londonOffsetMinutes(guess) * 60_000)
}

/** The UK local date and time of an instant, for forms: { date: 'YYYY-MM-DD', time: 'HH:MM' }. */
export function londonParts(at: Date | null | undefined): { date: string; time: string } {
  if (!at) return { date: '', time: '' }
  const local = new Date(at.getTime() + londonOffsetMinutes(at) * 60_000).toISOString()
  return { date: local.slice(0, 10), time: local.slice(11, 16) }
}

function checkWhen(
  c: Checker,
  field: string,
  label: string,
  value: string | null | undefined,
  options: { required?: boolean; now: Date },
): Date | null {
  const v = clean(value)
  if (!v) {
    if (options.required) c.add(field, `Enter ${label}`)
    return null
  }
  let when: Date | null = null
  const local = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(v)
  if (local) {
    if (isIsoDate(local[1]) && Number(local[2]) < 24 && Number(local[3]) < 60)
      when = londonDateTime(local[1]!, `${local[2]}:${local[3]}`)
  } else if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(v)) {
    const parsed = new Date(v)
    if (!Number.isNaN(parsed.getTime())) when = parsed
  }
  if (!when) {
    c.add(
      field,
      `${label.charAt(0).toUpperCase()}${label.slice(1)} must be a real date and a time like 21:30`,
    )
    return null
  }
  if (when.getTime() > options.now.getTime()) {
    c.add(field, `${label.charAt(0).toUpperCase()}${label.slice(1)} cannot be in the future`)
    return null
  }
  return when
}

/** Checks a missing episode: times in order, the return interview only after the return, known reasons. */
export function checkMissingInput(input: MissingEpisodeInput, now = new Date()) {
  const c = new Checker()
  c.check(isSsda903Code('MISSING', input.kind), 'kind', 'Choose missing or away without permission')
  const startedAt = checkWhen(c, 'startedAt', 'when the child went missing', input.startedAt, {
    required: true,
    now,
  })
  const endedAt = checkWhen(c, 'endedAt', 'when the child came back', input.endedAt, { now })
  if (startedAt && endedAt && endedAt < startedAt)
    c.add('endedAt', 'The child cannot come back before they went missing')
  const offeredAt = checkWhen(
    c,
    'returnInterviewOfferedAt',
    'when the return interview was offered',
    input.returnInterviewOfferedAt,
    { now },
  )
  const heldAt = checkWhen(
    c,
    'returnInterviewHeldAt',
    'when the return interview was held',
    input.returnInterviewHeldAt,
    { now },
  )
  const accepted = input.returnInterviewAccepted ?? null
  if (offeredAt && !input.endedAt && !c.errors.endedAt)
    c.add('endedAt', 'Enter when the child came back: a return interview is offered after the child returns')
  if (offeredAt && endedAt && offeredAt < endedAt)
    c.add('returnInterviewOfferedAt', 'The return interview is offered after the child came back')
  if (offeredAt && accepted === null)
    c.add('returnInterviewAccepted', 'Say whether the child accepted the return interview')
  if (!offeredAt && !c.errors.returnInterviewOfferedAt && (accepted !== null || heldAt))
    c.add('returnInterviewOfferedAt', 'Enter when the return interview was offered')
  if (heldAt && accepted === false)
    c.add(
      'returnInterviewHeldAt',
      'The child did not accept the interview, so it cannot have been held: check the answers',
    )
  if (heldAt && offeredAt && heldAt < offeredAt)
    c.add('returnInterviewHeldAt', 'The interview cannot be held before it was offered')
  const categories = [...new Set(input.reasonCategories ?? [])]
  if (categories.some((r) => !(MISSING_REASON_CATEGORIES as readonly string[]).includes(r)))
    c.add('reasonCategories', 'Choose the reasons from the list')
  const reasonsGiven = clean(input.reasonsGiven)
  if (reasonsGiven && categories.length === 0)
    c.add('reasonCategories', 'Choose the kinds of reason the child gave, so patterns show across episodes')
  if (heldAt && !reasonsGiven && !categories.includes('would-not-say'))
    c.add(
      'reasonsGiven',
      "Record the reasons the child gave at the interview in their words, or choose 'Did not want to say'",
    )
  if (categories.includes('other') && !reasonsGiven)
    c.add('reasonsGiven', "Describe the other reason, in the child's words")
  c.throwIfAny()
  return {
    kind: input.kind as 'M' | 'A',
    startedAt: startedAt!,
    endedAt,
    returnInterviewOfferedAt: offeredAt,
    returnInterviewAccepted: offeredAt ? accepted : null,
    returnInterviewHeldAt: heldAt,
    reasonsGiven,
    reasonCategories: categories,
  }
}

/** Refuses an episode that overlaps another of the child's (or a second one still open). */
async function refuseOverlap(
  tx: DbOrTx,
  personId: number,
  values: { startedAt: Date; endedAt: Date | null },
  exceptId: number | null,
) {
  const end = values.endedAt ?? new Date('9999-12-31T00:00:00Z')
  const [clash] = await tx
    .select({ startedAt: missingEpisode.startedAt, endedAt: missingEpisode.endedAt })
    .from(missingEpisode)
    .where(
      and(
        eq(missingEpisode.personId, personId),
        exceptId === null ? undefined : ne(missingEpisode.id, exceptId),
        sql`${missingEpisode.startedAt} < ${end.toISOString()}`,
        sql`coalesce(${missingEpisode.endedAt}, 'infinity'::timestamptz) > ${values.startedAt.toISOString()}`,
      ),
    )
    .limit(1)
  if (clash) {
    const from = londonParts(clash.startedAt)
    throw new ValidationError({
      startedAt: clash.endedAt
        ? `This overlaps another episode, from ${from.date} ${from.time}: change that one instead`
        : `The child is already recorded as missing since ${from.date} ${from.time}: record their return on that episode`,
    })
  }
}

export async function recordMissingEpisode(db: Db, actor: Actor, personId: number, raw: MissingEpisodeInput) {
  const input = checkMissingInput(raw)
  return db.transaction(async (tx) => {
    await refuseOverlap(tx, personId, input, null)
    const values = { ...input, personId }
    const [created] = await tx.insert(missingEpisode).values(values).returning({ id: missingEpisode.id })
    await recordChanges(tx, actor, {
      entityType: 'missing-episode',
      entityId: created!.id,
      personId,
      version: 1,
      changes: diffFields(null, values),
    })
    await logAccess(tx, actor, {
      action: 'create',
      subjectType: 'missing-episode',
      subjectId: created!.id,
      personId,
      detail: { kind: input.kind },
    })
    return created!.id
  })
}

/** Completes or corrects an episode (the return, the interview, the reasons); refused if someone saved first. */
export async function updateMissingEpisode(
  db: Db,
  actor: Actor,
  personId: number,
  episodeId: number,
  expectedVersion: number,
  raw: MissingEpisodeInput,
) {
  const input = checkMissingInput(raw)
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select()
      .from(missingEpisode)
      .where(and(eq(missingEpisode.id, episodeId), eq(missingEpisode.personId, personId)))
      .for('update')
    if (!found) throw new NotFoundError(`No missing episode ${episodeId} for person ${personId}`)
    if (found.version !== expectedVersion)
      throw new ConflictError(
        'Someone else changed this missing episode while you were editing it.',
        await changesSince(tx, 'missing-episode', episodeId, expectedVersion),
      )
    await refuseOverlap(tx, personId, input, episodeId)
    const before = {
      kind: found.kind,
      startedAt: found.startedAt,
      endedAt: found.endedAt,
      returnInterviewOfferedAt: found.returnInterviewOfferedAt,
      returnInterviewAccepted: found.returnInterviewAccepted,
      returnInterviewHeldAt: found.returnInterviewHeldAt,
      reasonsGiven: found.reasonsGiven,
      reasonCategories: found.reasonCategories,
    }
    const changes = diffFields(before, input)
    if (changes.length === 0) return found.version
    const version = found.version + 1
    await tx
      .update(missingEpisode)
      .set({ ...input, version })
      .where(eq(missingEpisode.id, episodeId))
    await recordChanges(tx, actor, {
      entityType: 'missing-episode',
      entityId: episodeId,
      personId,
      version,
      changes,
    })
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'missing-episode',
      subjectId: episodeId,
      personId,
      detail: { fields: changes.map((ch) => ch.field) },
    })
    return version
  })
}

export async function getMissingEpisode(db: DbOrTx, personId: number, episodeId: number) {
  const [found] = await db
    .select()
    .from(missingEpisode)
    .where(and(eq(missingEpisode.id, episodeId), eq(missingEpisode.personId, personId)))
  if (!found) throw new NotFoundError(`No missing episode ${episodeId} for person ${personId}`)
  return found
}

const HOUR = 3_600_000

/**
 * The child's missing episodes, newest first, with the derived facts (how long, whether the interview was
 * offered within 72 hours) and the pattern: how often each kind of reason was given, across episodes.
 */
export async function missingRecord(db: DbOrTx, personId: number, now = new Date()) {
  const rows = await db
    .select()
    .from(missingEpisode)
    .where(eq(missingEpisode.personId, personId))
    .orderBy(desc(missingEpisode.startedAt), desc(missingEpisode.id))
  const episodes = rows.map((e) => {
    const hours = e.endedAt ? (e.endedAt.getTime() - e.startedAt.getTime()) / HOUR : null
    const interviewDue = e.endedAt ? new Date(e.endedAt.getTime() + RETURN_INTERVIEW_HOURS * HOUR) : null
    return {
      ...e,
      kindLabel: MISSING_KIND_LABELS[e.kind],
      open: e.endedAt === null,
      durationText:
        hours === null
          ? 'Not back yet'
          : hours < 48
            ? `${Math.round(hours * 10) / 10} hours`
            : `${Math.round(hours / 24)} days`,
      interviewDue,
      interviewOfferedInTime:
        e.returnInterviewOfferedAt && interviewDue ? e.returnInterviewOfferedAt <= interviewDue : null,
      interviewOverdue: !e.returnInterviewOfferedAt && interviewDue !== null && interviewDue < now,
      reasonLabels: e.reasonCategories.map((r) => MISSING_REASON_LABELS[r as MissingReasonCategory] ?? r),
    }
  })
  const counts = new Map<string, { count: number; lastAt: Date }>()
  for (const e of rows) {
    for (const r of e.reasonCategories) {
      const seen = counts.get(r)
      if (!seen) counts.set(r, { count: 1, lastAt: e.startedAt })
      else {
        seen.count++
        if (e.startedAt > seen.lastAt) seen.lastAt = e.startedAt
      }
    }
  }
  const reasonPattern = [...counts.entries()]
    .map(([category, v]) => ({
      category,
      label: MISSING_REASON_LABELS[category as MissingReasonCategory] ?? category,
      count: v.count,
      share: rows.length ? Math.round((v.count / rows.length) * 100) : 0,
      lastAt: v.lastAt,
    }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
  const yearAgo = new Date(now.getTime() - 365 * 24 * HOUR)
  return {
    episodes,
    reasonPattern,
    totals: {
      episodes: rows.length,
      missing: rows.filter((e) => e.kind === 'M').length,
      away: rows.filter((e) => e.kind === 'A').length,
      lastYear: rows.filter((e) => e.startedAt >= yearAgo).length,
      interviewsOffered: rows.filter((e) => e.returnInterviewOfferedAt).length,
      interviewsAccepted: rows.filter((e) => e.returnInterviewAccepted).length,
      open: rows.filter((e) => !e.endedAt).length,
    },
    asAt: today(now),
  }
}
