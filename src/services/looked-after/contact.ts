import { and, desc, eq, isNull } from 'drizzle-orm'
import { logAccess } from '../../audit/access-log.ts'
import { diffFields, recordChanges } from '../../audit/change-history.ts'
import type { Actor } from '../../auth/current-user.ts'
import type { Db, DbOrTx } from '../../db/client.ts'
import { contactArrangement, person } from '../../db/schema/index.ts'
import { checkDate } from '../dates.ts'
import { Checker, ConflictError, NotFoundError, ValidationError } from '../errors.ts'
import { longDate } from '../plans.ts'
import { CONTACT_SUPERVISION, CONTACT_SUPERVISION_LABELS, type ContactSupervision } from './labels.ts'

// Family time: the child's contact with family members and others who matter to them — who, how often,
// how it is supervised — always with what the child wants. An arrangement is ended, never changed: a
// new arrangement replaces it, so the record shows what was agreed when.

const clean = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null)

export interface ContactArrangementInput {
  /** The family member, when they have a record in Hearth. */
  withPersonId?: number | null
  /** Who the contact is with, in words ("Mum", "Grandad Joe and cousins"). */
  withDescription: string
  frequency: string
  supervision: string
  childsWishes: string
  startedOn: string
}

export async function recordContactArrangement(
  db: Db,
  actor: Actor,
  personId: number,
  input: ContactArrangementInput,
) {
  const c = new Checker()
  const withDescription = clean(input.withDescription)
  c.check(withDescription !== null, 'withDescription', 'Say who the contact is with')
  const frequency = clean(input.frequency)
  c.check(frequency !== null, 'frequency', 'Say how often contact happens, like "every Saturday for 2 hours"')
  c.check(
    (CONTACT_SUPERVISION as readonly string[]).includes(input.supervision),
    'supervision',
    'Choose how contact is supervised',
  )
  const childsWishes = clean(input.childsWishes)
  c.check(childsWishes !== null, 'childsWishes', 'Record what the child wants from contact, in their words')
  const startedOn = checkDate(c, 'startedOn', 'the date the arrangement started', input.startedOn, {
    required: true,
    allowFuture: true,
  })
  const withPersonId = input.withPersonId ?? null
  if (withPersonId !== null) {
    if (withPersonId === personId) c.add('withPersonId', 'Choose a family member, not the child')
    else {
      const [found] = await db.select({ id: person.id }).from(person).where(eq(person.id, withPersonId))
      c.check(found !== undefined, 'withPersonId', 'Choose a family member who has a record in Hearth')
    }
  }
  c.throwIfAny()
  return db.transaction(async (tx) => {
    const values = {
      personId,
      withPersonId,
      withDescription: withDescription!,
      frequency: frequency!,
      supervision: input.supervision as ContactSupervision,
      childsWishes: childsWishes!,
      startedOn: startedOn!,
    }
    const [created] = await tx
      .insert(contactArrangement)
      .values(values)
      .returning({ id: contactArrangement.id })
    await recordChanges(tx, actor, {
      entityType: 'contact-arrangement',
      entityId: created!.id,
      personId,
      version: 1,
      changes: diffFields(null, values),
    })
    await logAccess(tx, actor, {
      action: 'create',
      subjectType: 'contact-arrangement',
      subjectId: created!.id,
      personId,
    })
    return created!.id
  })
}

/** Ends an arrangement (once: ending it again is a conflict with whoever ended it first). */
export async function endContactArrangement(
  db: Db,
  actor: Actor,
  personId: number,
  arrangementId: number,
  input: { endedOn: string },
) {
  const c = new Checker()
  const endedOn = checkDate(c, 'endedOn', 'the date the arrangement ended', input.endedOn, { required: true })
  c.throwIfAny()
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select()
      .from(contactArrangement)
      .where(and(eq(contactArrangement.id, arrangementId), eq(contactArrangement.personId, personId)))
      .for('update')
    if (!found) throw new NotFoundError(`No contact arrangement ${arrangementId} for person ${personId}`)
    if (found.endedOn)
      throw new ConflictError('This arrangement has already been ended.', [
        { field: 'endedOn', theirValue: found.endedOn, by: null, at: new Date() },
      ])
    if (endedOn! < found.startedOn)
      throw new ValidationError({
        endedOn: `The arrangement cannot end before it started (${longDate(found.startedOn)})`,
      })
    await tx
      .update(contactArrangement)
      .set({ endedOn })
      .where(and(eq(contactArrangement.id, arrangementId), isNull(contactArrangement.endedOn)))
    await recordChanges(tx, actor, {
      entityType: 'contact-arrangement',
      entityId: arrangementId,
      personId,
      version: 2,
      changes: [{ field: 'endedOn', oldValue: null, newValue: endedOn }],
    })
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'contact-arrangement',
      subjectId: arrangementId,
      personId,
    })
  })
}

/** The child's contact arrangements, current first, then newest first. */
export async function contactArrangements(db: DbOrTx, personId: number) {
  const rows = await db
    .select()
    .from(contactArrangement)
    .where(eq(contactArrangement.personId, personId))
    .orderBy(desc(contactArrangement.startedOn), desc(contactArrangement.id))
  return rows
    .map((r) => ({
      ...r,
      current: r.endedOn === null,
      supervisionLabel: CONTACT_SUPERVISION_LABELS[r.supervision],
    }))
    .sort((a, b) => Number(b.current) - Number(a.current))
}
