import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm'
import { logAccess } from '../../audit/access-log.ts'
import { diffFields, recordChanges } from '../../audit/change-history.ts'
import type { Actor } from '../../auth/current-user.ts'
import type { Db, DbOrTx } from '../../db/client.ts'
import { deprivationOfLiberty, periodOfCare, person, placement } from '../../db/schema/index.ts'
import { checkDate } from '../dates.ts'
import { Checker, ConflictError, NotFoundError, ValidationError } from '../errors.ts'
import { changesSince } from '../people.ts'
import { longDate } from '../plans.ts'

// Deprivation of liberty orders (DoLOs) for children in care: the 903 DoLo table from 2026-27
// (DOLO_START, DOLO_END), checked at entry against the draft validator rules 700–710.

/** Placements where a child cannot be under a DoLO (rule 710): secure homes, parents, YOI, supported accommodation. */
export const DOLO_EXCLUDED_PLACEMENTS: readonly string[] = ['K1', 'P1', 'R5', 'K3']

const clean = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null)

export interface DeprivationOfLibertyInput {
  startDate: string
  endDate?: string | null
  details?: string | null
}

/** Records a DoLO: within a period of care, after birth, not overlapping another, not in an excluded placement. */
export async function recordDeprivationOfLiberty(
  db: Db,
  actor: Actor,
  personId: number,
  input: DeprivationOfLibertyInput,
) {
  const c = new Checker()
  const startDate = checkDate(c, 'startDate', 'the date the order was made', input.startDate, {
    required: true,
  })
  const endDate = checkDate(c, 'endDate', 'the date the order ended', clean(input.endDate))
  if (startDate && endDate && endDate < startDate) c.add('endDate', 'The order cannot end before it started')
  c.throwIfAny()
  return db.transaction(async (tx) => {
    const [child] = await tx
      .select({ dateOfBirth: person.dateOfBirth })
      .from(person)
      .where(eq(person.id, personId))
      .for('update')
    if (!child) throw new NotFoundError(`No person ${personId}`)
    if (child.dateOfBirth && startDate! < child.dateOfBirth)
      c.add('startDate', 'The order cannot start before the child was born')
    const [period] = await tx
      .select({ id: periodOfCare.id, endDate: periodOfCare.endDate })
      .from(periodOfCare)
      .where(
        and(
          eq(periodOfCare.personId, personId),
          sql`${periodOfCare.startDate} <= ${startDate}`,
          sql`(${periodOfCare.endDate} is null or ${periodOfCare.endDate} >= ${startDate})`,
        ),
      )
    if (!period)
      c.add('startDate', 'A deprivation of liberty order is recorded for a child while they are looked after')
    else {
      if (period.endDate && (!endDate || endDate > period.endDate))
        c.add('endDate', `The order must end by the day care ended (${longDate(period.endDate)})`)
      const [place] = await tx
        .select({ placementType: placement.placementType })
        .from(placement)
        .where(and(eq(placement.periodOfCareId, period.id), sql`${placement.startDate} <= ${startDate}`))
        .orderBy(desc(placement.startDate))
        .limit(1)
      if (place && DOLO_EXCLUDED_PLACEMENTS.includes(place.placementType))
        c.add(
          'startDate',
          `A child in this placement (${place.placementType}) cannot be under a deprivation of liberty order: a secure children's home, parents, a young offender institution or supported accommodation`,
        )
    }
    const [overlap] = await tx
      .select({ startDate: deprivationOfLiberty.startDate, endDate: deprivationOfLiberty.endDate })
      .from(deprivationOfLiberty)
      .where(
        and(
          eq(deprivationOfLiberty.personId, personId),
          sql`${deprivationOfLiberty.startDate} <= ${endDate ?? '9999-12-31'}`,
          sql`coalesce(${deprivationOfLiberty.endDate}, '9999-12-31') >= ${startDate}`,
        ),
      )
      .limit(1)
    if (overlap)
      c.add(
        'startDate',
        overlap.endDate
          ? `This overlaps the order from ${longDate(overlap.startDate)} to ${longDate(overlap.endDate)}`
          : `The order made on ${longDate(overlap.startDate)} is still in force: record its end first`,
      )
    c.throwIfAny()
    const values = {
      personId,
      periodOfCareId: period!.id,
      startDate: startDate!,
      endDate,
      details: clean(input.details),
    }
    const [created] = await tx
      .insert(deprivationOfLiberty)
      .values(values)
      .returning({ id: deprivationOfLiberty.id })
    await recordChanges(tx, actor, {
      entityType: 'deprivation-of-liberty',
      entityId: created!.id,
      personId,
      version: 1,
      changes: diffFields(null, values),
    })
    await logAccess(tx, actor, {
      action: 'create',
      subjectType: 'deprivation-of-liberty',
      subjectId: created!.id,
      personId,
    })
    return created!.id
  })
}

/** Records the end of an order; refused if someone else changed it first. */
export async function endDeprivationOfLiberty(
  db: Db,
  actor: Actor,
  personId: number,
  orderId: number,
  input: { version: number; endDate: string },
) {
  const c = new Checker()
  const endDate = checkDate(c, 'endDate', 'the date the order ended', input.endDate, { required: true })
  c.throwIfAny()
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select()
      .from(deprivationOfLiberty)
      .where(and(eq(deprivationOfLiberty.id, orderId), eq(deprivationOfLiberty.personId, personId)))
      .for('update')
    if (!found) throw new NotFoundError(`No deprivation of liberty order ${orderId} for person ${personId}`)
    if (found.version !== input.version)
      throw new ConflictError(
        'Someone else changed this order while you were working on it.',
        await changesSince(tx, 'deprivation-of-liberty', orderId, input.version),
      )
    if (endDate! < found.startDate)
      throw new ValidationError({
        endDate: `The order cannot end before it started (${longDate(found.startDate)})`,
      })
    const version = found.version + 1
    await tx
      .update(deprivationOfLiberty)
      .set({ endDate, version })
      .where(eq(deprivationOfLiberty.id, orderId))
    await recordChanges(tx, actor, {
      entityType: 'deprivation-of-liberty',
      entityId: orderId,
      personId,
      version,
      changes: [{ field: 'endDate', oldValue: found.endDate, newValue: endDate }],
    })
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'deprivation-of-liberty',
      subjectId: orderId,
      personId,
    })
    return version
  })
}

/** Ends the child's open orders when care ends (rule 707: no open DoLO after care ceased). */
export async function endOpenDeprivationsOfLiberty(
  tx: DbOrTx,
  actor: Actor,
  personId: number,
  endDate: string,
) {
  const open = await tx
    .select()
    .from(deprivationOfLiberty)
    .where(and(eq(deprivationOfLiberty.personId, personId), isNull(deprivationOfLiberty.endDate)))
    .for('update')
  for (const order of open) {
    const version = order.version + 1
    await tx
      .update(deprivationOfLiberty)
      .set({ endDate, version })
      .where(eq(deprivationOfLiberty.id, order.id))
    await recordChanges(tx, actor, {
      entityType: 'deprivation-of-liberty',
      entityId: order.id,
      personId,
      version,
      changes: [{ field: 'endDate', oldValue: null, newValue: endDate }],
      reason: 'Ceased to be looked after',
    })
  }
  return open.map((o) => o.id)
}

/** The child's orders, newest first. */
export async function deprivationsOfLiberty(db: DbOrTx, personId: number) {
  const rows = await db
    .select()
    .from(deprivationOfLiberty)
    .where(eq(deprivationOfLiberty.personId, personId))
    .orderBy(desc(deprivationOfLiberty.startDate), asc(deprivationOfLiberty.id))
  return rows.map((r) => ({ ...r, current: r.endDate === null }))
}
