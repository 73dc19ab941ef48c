import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { logAccess } from '../../audit/access-log.ts'
import { diffFields, recordChanges } from '../../audit/change-history.ts'
import type { Actor } from '../../auth/current-user.ts'
import type { Db, DbOrTx } from '../../db/client.ts'
import {
  allocation,
  carerAssessment,
  deprivationOfLiberty,
  iroContact,
  lacReview,
  legalStatus,
  periodOfCare,
  person,
  placement,
  plan,
  team,
  visit,
  worker,
} from '../../db/schema/index.ts'
import { addCalendarDays, addWorkingDays, type IsoDate } from '../../domain/calendar/working-days.ts'
import { isSsda903Code, ssda903Label } from '../../domain/codes/codes.ts'
import { normalisePostcode } from '../../domain/identifiers/postcode.ts'
import { allocate, reallocate } from '../allocation.ts'
import { checkDate, today } from '../dates.ts'
import { Checker, ConflictError, NotFoundError, ValidationError } from '../errors.ts'
import { changesSince } from '../people.ts'
import { createPlan, currentPlanOfKind, longDate, savePlanVersion } from '../plans.ts'
import { ageOn } from '../record-header.ts'
import { DOLO_EXCLUDED_PLACEMENTS, endOpenDeprivationsOfLiberty } from './deprivation-of-liberty.ts'
import { deriveEpisodes, isTemporaryPlacement, type Ssda903Episode } from './episodes.ts'
import { nextLacReviewDue } from './timescales.ts'
import {
  type NextVisit,
  nextStatutoryVisit,
  statutoryVisitInterval,
  type VisitInterval,
} from './visit-interval.ts'

// Becoming looked after, changes of legal status and placement, and ceasing care. Periods of care,
// legal statuses and placements are the record; SSDA903 episodes are derived from them (episodes.ts).
// Every change to a period's legal status or placement moves the period's version on, so two people
// changing the same child's care at once are taken in turn and the second is told what the first did.

/** Placement types that take an Ofsted URN (registered provision), and those that must not have one. */
const URN_REQUIRED = [
  'A3',
  'A4',
  'A5',
  'A6',
  'K1',
  'K2',
  'K3',
  'R3',
  'S1',
  'U1',
  'U2',
  'U3',
  'U4',
  'U5',
  'U6',
]
const URN_NOT_RECORDED = ['P1', 'P3', 'R1', 'R2', 'R5', 'T0', 'T1', 'T2', 'T3', 'T4']
/** Placement types no "other public" provider (PR3) can provide (903 rule 529). */
const NOT_PUBLIC_PROVISION = ['P1', 'A3', 'A4', 'A5', 'A6', 'K1', 'K2', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6']
const YOUTH_JUSTICE_STATUSES = ['J1', 'J2', 'J3']

export interface PlacementDetailsInput {
  /** 903 PLACE. */
  placementType: string
  /** 903 PLACE_PROVIDER. */
  provider: string
  providerName?: string | null
  urn?: string | null
  carerPersonId?: number | null
  addressLine?: string | null
  postcode?: string | null
  confidential?: boolean
  /** Whole miles from the home the child came from. */
  distanceMiles?: number | string | null
  /** null: not answered. */
  insideAuthority: boolean | null
  longTerm?: boolean
  placementPlanDate?: string | null
}

export interface StartCareInput {
  startDate: string
  /** 903 CIN, N1–N8. */
  categoryOfNeed: string
  homePostcode?: string | null
  /** 903 LS. */
  legalStatus: string
  placement: PlacementDetailsInput
  /** The IRO to allocate, if known now. */
  iroWorkerId?: number | null
}

export interface ChangeLegalStatusInput {
  /** The period of care's version the user started from. */
  version: number
  startDate: string
  code: string
}

export interface ChangePlacementInput extends PlacementDetailsInput {
  version: number
  startDate: string
  /** 903 REASON_PLACE_CHANGE: why the current placement is ending. */
  reasonForChange?: string | null
}

export interface CeaseCareInput {
  version: number
  endDate: string
  /** 903 REC. */
  reasonCeased: string
  destination: string
  supportPlan: string
}

const clean = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null)

/** The child's date of birth (NotFoundError if there is no such person). */
async function childOf(db: DbOrTx, personId: number) {
  const [found] = await db
    .select({ id: person.id, dateOfBirth: person.dateOfBirth, version: person.version, uasc: person.uasc })
    .from(person)
    .where(eq(person.id, personId))
  if (!found) throw new NotFoundError(`No person ${personId}`)
  return found
}

function checkLegalStatusCode(
  c: Checker,
  field: string,
  code: string,
  on: string | null,
  dateOfBirth: string | null,
) {
  if (!isSsda903Code('LS', code)) {
    c.add(field, 'Choose a legal status from the list')
    return
  }
  const age = on ? ageOn(dateOfBirth, on) : null
  if (YOUTH_JUSTICE_STATUSES.includes(code) && age !== null && age < 10)
    c.add(field, 'A child under 10 cannot be remanded, detained or sentenced: choose another legal status')
}

/**
 * Checks a placement's details against the 903 rules a worker can get right at the point of entry: codes
 * from the lists, who can provide which placement, when an Ofsted URN is needed, postcodes, and legal
 * statuses that cannot go with the placement. Adds every problem to `c`.
 */
export function checkPlacementDetails(
  c: Checker,
  input: PlacementDetailsInput,
  context: { legalStatus: string | null; homePostcode: string | null; childId: number },
) {
  const placementType = clean(input.placementType) ?? ''
  const provider = clean(input.provider) ?? ''
  const validType = isSsda903Code('PLACE', placementType)
  c.check(validType, 'placementType', 'Choose the type of placement from the list')
  const validProvider = isSsda903Code('PLACE_PROVIDER', provider)
  c.check(validProvider, 'provider', 'Choose who provides the placement')
  if (validType && validProvider) {
    if (placementType === 'P1' && provider !== 'PR0')
      c.add('provider', 'A placement with parents is provided by the parents: choose PR0')
    else if (provider === 'PR0' && placementType !== 'P1')
      c.add('provider', 'PR0 (parents) only goes with a placement with parents (P1)')
    else if (provider === 'PR3' && NOT_PUBLIC_PROVISION.includes(placementType))
      c.add('provider', 'This kind of placement cannot be provided by another public body (PR3)')
  }
  let urn = clean(input.urn)?.toUpperCase().replace(/\s+/g, '') ?? null
  if (validType) {
    if (URN_NOT_RECORDED.includes(placementType) && urn !== null && !/^X{6,7}$/.test(urn)) {
      c.add('urn', 'Leave the Ofsted URN empty: this kind of placement is not registered with Ofsted')
    } else if (URN_NOT_RECORDED.includes(placementType)) {
      urn = null
    } else if (URN_REQUIRED.includes(placementType) && urn === null) {
      c.add('urn', 'Enter the Ofsted URN of the provision, like SC123456 (XXXXXXX if it has none)')
    }
  }
  if (
    urn !== null &&
    !URN_NOT_RECORDED.includes(placementType) &&
    !/^([A-Z]{1,2}\d{6,7}|\d{6,7}|X{6,7})$/.test(urn)
  )
    c.add('urn', 'Enter a real Ofsted URN, like SC123456 or 1234567 (XXXXXXX if the provision has none)')
  const postcodeRaw = clean(input.postcode)
  let postcode: string | null = null
  if (postcodeRaw) {
    postcode = normalisePostcode(postcodeRaw)
    if (!postcode) c.add('postcode', 'Enter a real postcode for the placement, like M1 2AB')
  } else if (validType && !isTemporaryPlacement(placementType) && !placementType.startsWith('Z')) {
    c.add('postcode', "Enter the placement's postcode")
  }
  if (postcode && context.homePostcode && postcode === context.homePostcode && placementType !== 'P1')
    c.add(
      'postcode',
      'The placement has the same postcode as the home the child came from: that is only right for a placement with parents (P1)',
    )
  const distanceRaw = input.distanceMiles
  let distanceMiles: number | null = null
  if (distanceRaw !== null && distanceRaw !== undefined && String(distanceRaw).trim() !== '') {
    const text = String(distanceRaw).trim()
    if (/^\d{1,4}$/.test(text)) distanceMiles = Number(text)
    else c.add('distanceMiles', 'Enter the distance from home in whole miles, like 12')
  }
  c.check(
    input.insideAuthority !== null && input.insideAuthority !== undefined,
    'insideAuthority',
    "Say whether the placement is inside the authority's area",
  )
  const placementPlanDate = checkDate(
    c,
    'placementPlanDate',
    'the date of the placement plan',
    input.placementPlanDate,
  )
  const carerPersonId = input.carerPersonId ?? null
  if (carerPersonId !== null && carerPersonId === context.childId)
    c.add('carerPersonId', 'The carer cannot be the child: choose the person who cares for them')
  const ls = context.legalStatus
  if (validType && ls) {
    if (placementType === 'P1' && ls === 'V2')
      c.add(
        'placementType',
        'A child placed with parents cannot be accommodated under section 20 (V2): check the placement or the legal status',
      )
    if ((placementType === 'A5' || placementType === 'A6') && ls !== 'E1' && ls !== 'D1')
      c.add(
        'placementType',
        'A placement for adoption with a placement order (A5 or A6) needs the placement order legal status (E1) first',
      )
  }
  return {
    placementType,
    provider,
    providerName: clean(input.providerName),
    urn,
    carerPersonId,
    addressLine: clean(input.addressLine),
    postcode,
    confidential: input.confidential ?? false,
    distanceMiles,
    insideAuthority: input.insideAuthority === true,
    longTerm: input.longTerm ?? false,
    placementPlanDate,
  }
}

async function checkCarerExists(db: DbOrTx, c: Checker, carerPersonId: number | null) {
  if (carerPersonId === null || c.errors.carerPersonId) return
  const [found] = await db.select({ id: person.id }).from(person).where(eq(person.id, carerPersonId))
  c.check(
    found !== undefined,
    'carerPersonId',
    'Choose a carer who has a record in Hearth, or leave it empty',
  )
}

/** An IRO: a worker in post in an independent reviewing team. */
async function checkIro(db: DbOrTx, c: Checker, workerId: number | null | undefined, field = 'iroWorkerId') {
  if (workerId === null || workerId === undefined) return null
  const [found] = await db
    .select({ teamId: worker.teamId, kind: team.kind, leftOn: worker.leftOn })
    .from(worker)
    .innerJoin(team, eq(team.id, worker.teamId))
    .where(eq(worker.id, workerId))
  if (!found || found.leftOn !== null || found.kind !== 'independent-reviewing') {
    c.add(field, 'Choose an independent reviewing officer who is in post')
    return null
  }
  return found.teamId
}

/** The child's open period of care, locked for the change; a ValidationError when they are not in care. */
async function openPeriod(tx: DbOrTx, personId: number, field = 'startDate') {
  const [found] = await tx
    .select()
    .from(periodOfCare)
    .where(and(eq(periodOfCare.personId, personId), isNull(periodOfCare.endDate)))
    .for('update')
  if (!found)
    throw new ValidationError({ [field]: 'This child is not looked after. Start a period of care first.' })
  return found
}

async function refuseIfMoved(tx: DbOrTx, period: { id: number; version: number }, expected: number) {
  if (period.version !== expected)
    throw new ConflictError(
      "Someone else changed this child's care while you were working on it.",
      await changesSince(tx, 'period-of-care', period.id, expected),
    )
}

async function currentLegalStatus(tx: DbOrTx, periodId: number) {
  const [found] = await tx
    .select()
    .from(legalStatus)
    .where(and(eq(legalStatus.periodOfCareId, periodId), isNull(legalStatus.endDate)))
    .orderBy(desc(legalStatus.startDate))
    .limit(1)
    .for('update')
  return found ?? null
}

async function currentPlacement(tx: DbOrTx, periodId: number) {
  const [found] = await tx
    .select()
    .from(placement)
    .where(and(eq(placement.periodOfCareId, periodId), isNull(placement.endDate)))
    .orderBy(desc(placement.startDate))
    .limit(1)
    .for('update')
  return found ?? null
}

/**
 * The child becomes looked after: the period of care, its first legal status and first placement, a care
 * plan (kind 'care', first review scheduled) and, if chosen, the IRO's allocation — in one transaction.
 */
export async function startPeriodOfCare(db: Db, actor: Actor, personId: number, input: StartCareInput) {
  const child = await childOf(db, personId)
  const c = new Checker()
  const startDate = checkDate(c, 'startDate', 'the date the child became looked after', input.startDate, {
    required: true,
  })
  if (startDate && child.dateOfBirth && startDate < child.dateOfBirth)
    c.add('startDate', 'The child cannot become looked after before they were born')
  const age = startDate ? ageOn(child.dateOfBirth, startDate) : null
  if (age !== null && age >= 18)
    c.add('startDate', 'A young person aged 18 or over cannot start to be looked after')
  c.check(isSsda903Code('CIN', input.categoryOfNeed), 'categoryOfNeed', 'Choose the category of need')
  const homeRaw = clean(input.homePostcode)
  const homePostcode = homeRaw ? normalisePostcode(homeRaw) : null
  if (homeRaw && !homePostcode)
    c.add('homePostcode', 'Enter a real postcode for the home the child came from, like M1 2AB')
  checkLegalStatusCode(c, 'legalStatus', input.legalStatus, startDate, child.dateOfBirth)
  const details = checkPlacementDetails(c, input.placement, {
    legalStatus: isSsda903Code('LS', input.legalStatus) ? input.legalStatus : null,
    homePostcode,
    childId: personId,
  })
  if (isTemporaryPlacement(details.placementType))
    c.add('placementType', 'Care cannot start with a temporary placement (T0–T4): record the usual placement')
  await checkCarerExists(db, c, details.carerPersonId)
  const iroTeamId = await checkIro(db, c, input.iroWorkerId)
  c.throwIfAny()

  return db.transaction(async (tx) => {
    // Taken in turn with anyone else starting care for this child at the same moment.
    await tx.select({ id: person.id }).from(person).where(eq(person.id, personId)).for('update')
    const [open] = await tx
      .select({ startDate: periodOfCare.startDate })
      .from(periodOfCare)
      .where(and(eq(periodOfCare.personId, personId), isNull(periodOfCare.endDate)))
    if (open)
      throw new ValidationError({
        startDate: `This child has been looked after since ${longDate(open.startDate)}. Change their legal status or placement instead.`,
      })
    const [last] = await tx
      .select({ endDate: periodOfCare.endDate })
      .from(periodOfCare)
      .where(eq(periodOfCare.personId, personId))
      .orderBy(desc(periodOfCare.endDate))
      .limit(1)
    if (last?.endDate && startDate! <= last.endDate)
      throw new ValidationError({
        startDate: `A new period of care must start after the last one ended (${longDate(last.endDate)})`,
      })
    const periodValues = {
      personId,
      startDate: startDate!,
      categoryOfNeed: input.categoryOfNeed,
      homePostcode,
    }
    const [period] = await tx.insert(periodOfCare).values(periodValues).returning({ id: periodOfCare.id })
    const periodId = period!.id
    const statusValues = {
      periodOfCareId: periodId,
      personId,
      code: input.legalStatus,
      startDate: startDate!,
    }
    const [status] = await tx.insert(legalStatus).values(statusValues).returning({ id: legalStatus.id })
    const placementValues = { ...details, periodOfCareId: periodId, personId, startDate: startDate! }
    const [place] = await tx.insert(placement).values(placementValues).returning({ id: placement.id })
    const reason = 'Became looked after'
    await recordChanges(tx, actor, {
      entityType: 'period-of-care',
      entityId: periodId,
      personId,
      version: 1,
      changes: diffFields(null, periodValues),
      reason,
    })
    await recordChanges(tx, actor, {
      entityType: 'legal-status',
      entityId: status!.id,
      personId,
      version: 1,
      changes: diffFields(null, statusValues),
      reason,
    })
    await recordChanges(tx, actor, {
      entityType: 'placement',
      entityId: place!.id,
      personId,
      version: 1,
      changes: diffFields(null, placementValues),
      reason,
    })
    // The care plan: made now (before or at the first placement, reg 4) for the worker to write.
    const existingPlan = await currentPlanOfKind(tx, personId, 'care')
    const carePlanId =
      existingPlan?.id ??
      (await createPlan(
        tx,
        actor,
        {
          personId,
          kind: 'care',
          startDate: startDate!,
          nextReviewDue: nextLacReviewDue(startDate!, []),
          outcomes: [],
          actions: [],
        },
        'Care plan started when the child became looked after',
      ))
    if (input.iroWorkerId != null && iroTeamId !== null) {
      const allocationId = await allocate(tx, actor, {
        personId,
        teamId: iroTeamId,
        workerId: input.iroWorkerId,
        kind: 'iro',
        startedOn: startDate!,
      })
      await recordChanges(tx, actor, {
        entityType: 'allocation',
        entityId: allocationId,
        personId,
        version: 1,
        changes: diffFields(null, {
          kind: 'iro',
          teamId: iroTeamId,
          workerId: input.iroWorkerId,
          startedOn: startDate,
        }),
        reason: 'IRO allocated when the child became looked after',
      })
    }
    await logAccess(tx, actor, {
      action: 'create',
      subjectType: 'period-of-care',
      subjectId: periodId,
      personId,
      detail: { legalStatus: input.legalStatus, placementType: details.placementType, carePlanId },
    })
    return { periodOfCareId: periodId, legalStatusId: status!.id, placementId: place!.id, carePlanId }
  })
}

/** Bumps the period's version, with a change-history line saying what changed in its care. */
async function movePeriodOn(
  tx: DbOrTx,
  actor: Actor,
  period: { id: number; version: number; personId: number },
  field: string,
  oldValue: unknown,
  newValue: unknown,
  reason: string,
) {
  const version = period.version + 1
  await tx.update(periodOfCare).set({ version }).where(eq(periodOfCare.id, period.id))
  await recordChanges(tx, actor, {
    entityType: 'period-of-care',
    entityId: period.id,
    personId: period.personId,
    version,
    changes: [{ field, oldValue, newValue }],
    reason,
  })
  return version
}

/**
 * A new legal status (e.g. section 20 → interim care order): the current one ends the day before, and a
 * new 903 episode begins. Refused outside the period of care, on or before the current status began, for
 * a code not on the 903 list, or when nothing changes.
 */
export async function changeLegalStatus(
  db: Db,
  actor: Actor,
  personId: number,
  input: ChangeLegalStatusInput,
) {
  const child = await childOf(db, personId)
  const c = new Checker()
  const startDate = checkDate(c, 'startDate', 'the date the legal status changed', input.startDate, {
    required: true,
  })
  checkLegalStatusCode(c, 'code', input.code, startDate, child.dateOfBirth)
  return db.transaction(async (tx) => {
    const period = await openPeriod(tx, personId)
    await refuseIfMoved(tx, period, input.version)
    const current = await currentLegalStatus(tx, period.id)
    const place = await currentPlacement(tx, period.id)
    if (startDate && startDate < period.startDate)
      c.add(
        'startDate',
        `The legal status cannot change before the child became looked after (${longDate(period.startDate)})`,
      )
    else if (startDate && current && startDate <= current.startDate)
      c.add(
        'startDate',
        `The new legal status must start after the current one began (${longDate(current.startDate)})`,
      )
    if (current && current.code === input.code)
      c.add('code', `The child already has this legal status (${ssda903Label('LS', input.code)})`)
    if (place?.placementType === 'P1' && input.code === 'V2')
      c.add('code', 'A child placed with parents cannot be accommodated under section 20 (V2)')
    c.throwIfAny()
    if (current) {
      const endDate = addCalendarDays(startDate!, -1)
      await tx
        .update(legalStatus)
        .set({ endDate, version: current.version + 1 })
        .where(eq(legalStatus.id, current.id))
      await recordChanges(tx, actor, {
        entityType: 'legal-status',
        entityId: current.id,
        personId,
        version: current.version + 1,
        changes: [{ field: 'endDate', oldValue: null, newValue: endDate }],
        reason: `Replaced by ${input.code} from ${longDate(startDate)}`,
      })
    }
    const values = { periodOfCareId: period.id, personId, code: input.code, startDate: startDate! }
    const [created] = await tx.insert(legalStatus).values(values).returning({ id: legalStatus.id })
    await recordChanges(tx, actor, {
      entityType: 'legal-status',
      entityId: created!.id,
      personId,
      version: 1,
      changes: diffFields(null, values),
      reason: 'Legal status changed',
    })
    const version = await movePeriodOn(
      tx,
      actor,
      period,
      'legalStatus',
      current?.code ?? null,
      input.code,
      `Legal status changed on ${longDate(startDate)}`,
    )
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'period-of-care',
      subjectId: period.id,
      personId,
      detail: { legalStatus: input.code, from: current?.code ?? null, startDate },
    })
    return { legalStatusId: created!.id, version }
  })
}

/**
 * The child moves: the current placement ends the day before the move (with the 903 reason for the
 * change) and the new one starts — never overlapping, never before care began.
 */
export async function changePlacement(db: Db, actor: Actor, personId: number, input: ChangePlacementInput) {
  const child = await childOf(db, personId)
  return db.transaction(async (tx) => {
    const c = new Checker()
    const startDate = checkDate(c, 'startDate', 'the date the child moved', input.startDate, {
      required: true,
    })
    const period = await openPeriod(tx, personId)
    await refuseIfMoved(tx, period, input.version)
    const status = await currentLegalStatus(tx, period.id)
    const current = await currentPlacement(tx, period.id)
    if (startDate) {
      if (startDate < period.startDate)
        c.add(
          'startDate',
          `A placement cannot start before the child became looked after (${longDate(period.startDate)})`,
        )
      else if (current && startDate <= current.startDate)
        c.add(
          'startDate',
          `The move must be after the current placement began (${longDate(current.startDate)}): placements cannot overlap`,
        )
    }
    const details = checkPlacementDetails(c, input, {
      legalStatus: status?.code ?? null,
      homePostcode: period.homePostcode,
      childId: personId,
    })
    await checkCarerExists(tx, c, details.carerPersonId)
    if (DOLO_EXCLUDED_PLACEMENTS.includes(details.placementType)) {
      const [order] = await tx
        .select({ startDate: deprivationOfLiberty.startDate })
        .from(deprivationOfLiberty)
        .where(and(eq(deprivationOfLiberty.personId, personId), isNull(deprivationOfLiberty.endDate)))
        .limit(1)
      if (order)
        c.add(
          'placementType',
          `The child is under a deprivation of liberty order (since ${longDate(order.startDate)}), which cannot continue in this kind of placement: record the order's end first`,
        )
    }
    const temporary =
      isTemporaryPlacement(current?.placementType) || isTemporaryPlacement(details.placementType)
    let reasonForChange = clean(input.reasonForChange)
    if (temporary) reasonForChange = null
    else if (!isSsda903Code('REASON_PLACE_CHANGE', reasonForChange))
      c.add('reasonForChange', 'Choose why the placement is changing')
    else if (reasonForChange === 'CUSTOD' && startDate && (ageOn(child.dateOfBirth, startDate) ?? 99) < 10)
      c.add('reasonForChange', 'A child under 10 cannot move because they were taken into custody')
    c.throwIfAny()
    if (current) {
      const endDate = addCalendarDays(startDate!, -1)
      await tx
        .update(placement)
        .set({ endDate, reasonForChange, version: current.version + 1 })
        .where(eq(placement.id, current.id))
      await recordChanges(tx, actor, {
        entityType: 'placement',
        entityId: current.id,
        personId,
        version: current.version + 1,
        changes: diffFields(
          { endDate: null, reasonForChange: current.reasonForChange },
          { endDate, reasonForChange },
        ),
        reason: `The child moved on ${longDate(startDate)}`,
      })
    }
    const values = { ...details, periodOfCareId: period.id, personId, startDate: startDate! }
    const [created] = await tx.insert(placement).values(values).returning({ id: placement.id })
    await recordChanges(tx, actor, {
      entityType: 'placement',
      entityId: created!.id,
      personId,
      version: 1,
      changes: diffFields(null, values),
      reason: 'Placement changed',
    })
    const version = await movePeriodOn(
      tx,
      actor,
      period,
      'placement',
      current?.placementType ?? null,
      details.placementType,
      `Moved on ${longDate(startDate)}`,
    )
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'period-of-care',
      subjectId: period.id,
      personId,
      detail: { placementId: created!.id, placementType: details.placementType, reasonForChange, startDate },
    })
    return { placementId: created!.id, version }
  })
}

const PLACEMENT_EDITABLE = [
  'placementType',
  'provider',
  'providerName',
  'urn',
  'carerPersonId',
  'addressLine',
  'postcode',
  'confidential',
  'distanceMiles',
  'insideAuthority',
  'longTerm',
  'placementPlanDate',
] as const

/**
 * Corrects or completes a placement's details (the placement plan date, the URN, the distance…) without a
 * move. The placement's version guards against two people editing it at once.
 */
export async function updatePlacement(
  db: Db,
  actor: Actor,
  personId: number,
  placementId: number,
  expectedVersion: number,
  input: PlacementDetailsInput,
) {
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select()
      .from(placement)
      .where(and(eq(placement.id, placementId), eq(placement.personId, personId)))
      .for('update')
    if (!found) throw new NotFoundError(`No placement ${placementId} for person ${personId}`)
    if (found.version !== expectedVersion)
      throw new ConflictError(
        'Someone else changed this placement while you were editing it.',
        await changesSince(tx, 'placement', placementId, expectedVersion),
      )
    const [period] = await tx.select().from(periodOfCare).where(eq(periodOfCare.id, found.periodOfCareId))
    const [status] = await tx
      .select({ code: legalStatus.code })
      .from(legalStatus)
      .where(
        and(
          eq(legalStatus.periodOfCareId, found.periodOfCareId),
          sql`${legalStatus.startDate} <= ${found.startDate}`,
        ),
      )
      .orderBy(desc(legalStatus.startDate))
      .limit(1)
    const c = new Checker()
    const details = checkPlacementDetails(c, input, {
      legalStatus: status?.code ?? null,
      homePostcode: period?.homePostcode ?? null,
      childId: personId,
    })
    if (isTemporaryPlacement(details.placementType) !== isTemporaryPlacement(found.placementType))
      c.add(
        'placementType',
        'A temporary placement cannot be changed into a usual one, or the other way round: record a move instead',
      )
    await checkCarerExists(tx, c, details.carerPersonId)
    c.throwIfAny()
    const before = Object.fromEntries(PLACEMENT_EDITABLE.map((k) => [k, found[k] ?? null]))
    const changes = diffFields(before, details)
    if (changes.length === 0) return found.version
    const version = found.version + 1
    await tx
      .update(placement)
      .set({ ...details, version })
      .where(eq(placement.id, placementId))
    await recordChanges(tx, actor, {
      entityType: 'placement',
      entityId: placementId,
      personId,
      version,
      changes,
    })
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'placement',
      subjectId: placementId,
      personId,
      detail: { fields: changes.map((ch) => ch.field) },
    })
    return version
  })
}

/**
 * The child ceases to be looked after: the period ends with the 903 reason, where the child went and the
 * support planned; the current placement and legal status end that day; so do the care plan and the IRO's
 * allocation.
 */
export async function ceaseCare(db: Db, actor: Actor, personId: number, input: CeaseCareInput) {
  const c = new Checker()
  const endDate = checkDate(c, 'endDate', 'the date the child stopped being looked after', input.endDate, {
    required: true,
  })
  c.check(
    input.reasonCeased !== 'X1' && isSsda903Code('REC', input.reasonCeased),
    'reasonCeased',
    'Choose why the child stopped being looked after',
  )
  const destination = clean(input.destination)
  c.check(destination !== null, 'destination', 'Say where the child went to live')
  const supportPlan = clean(input.supportPlan)
  c.check(supportPlan !== null, 'supportPlan', 'Say what support the child and family will have after care')
  // Every problem at once: the date is checked against the current care below, with the others.
  return db.transaction(async (tx) => {
    const period = await openPeriod(tx, personId, 'endDate')
    await refuseIfMoved(tx, period, input.version)
    const status = await currentLegalStatus(tx, period.id)
    const place = await currentPlacement(tx, period.id)
    const latestStart = [period.startDate, status?.startDate, place?.startDate]
      .filter((d): d is string => !!d)
      .sort()
      .pop()!
    if (endDate && endDate < latestStart)
      c.add(
        'endDate',
        `Care cannot end before the current ${latestStart === place?.startDate ? 'placement' : latestStart === status?.startDate ? 'legal status' : 'period of care'} began (${longDate(latestStart)})`,
      )
    c.throwIfAny()
    const version = period.version + 1
    const values = { endDate: endDate!, reasonCeased: input.reasonCeased, destination, supportPlan }
    await tx
      .update(periodOfCare)
      .set({ ...values, version })
      .where(eq(periodOfCare.id, period.id))
    await recordChanges(tx, actor, {
      entityType: 'period-of-care',
      entityId: period.id,
      personId,
      version,
      changes: diffFields(
        {
          endDate: null,
          reasonCeased: null,
          destination: period.destination,
          supportPlan: period.supportPlan,
        },
        values,
      ),
      reason: 'Ceased to be looked after',
    })
    for (const [table, row, entityType] of [
      [legalStatus, status, 'legal-status'],
      [placement, place, 'placement'],
    ] as const) {
      if (!row) continue
      await tx
        .update(table)
        .set({ endDate: endDate!, version: row.version + 1 })
        .where(eq(table.id, row.id))
      await recordChanges(tx, actor, {
        entityType,
        entityId: row.id,
        personId,
        version: row.version + 1,
        changes: [{ field: 'endDate', oldValue: null, newValue: endDate }],
        reason: 'Ceased to be looked after',
      })
    }
    const [carePlan] = await tx
      .select({ id: plan.id, version: plan.version, startDate: plan.startDate })
      .from(plan)
      .where(and(eq(plan.personId, personId), eq(plan.kind, 'care'), isNull(plan.endDate)))
      .for('update')
    if (carePlan && carePlan.startDate <= endDate!) {
      const planVersion = carePlan.version + 1
      await tx
        .update(plan)
        .set({ endDate: endDate!, version: planVersion, updatedAt: new Date(), updatedBy: actor.user.id })
        .where(eq(plan.id, carePlan.id))
      await savePlanVersion(
        tx,
        actor,
        carePlan.id,
        planVersion,
        `Ended on ${longDate(endDate)}: the child stopped being looked after`,
      )
    }
    const ordersEnded = await endOpenDeprivationsOfLiberty(tx, actor, personId, endDate!)
    const ended = await tx
      .update(allocation)
      .set({ endedOn: endDate! })
      .where(and(eq(allocation.personId, personId), eq(allocation.kind, 'iro'), isNull(allocation.endedOn)))
      .returning({ id: allocation.id })
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'period-of-care',
      subjectId: period.id,
      personId,
      detail: {
        ended: endDate,
        reasonCeased: input.reasonCeased,
        carePlanEnded: carePlan?.id ?? null,
        iroAllocationsEnded: ended.map((e) => e.id),
        deprivationOfLibertyEnded: ordersEnded,
      },
    })
    return version
  })
}

/** Records when the child stopped being an unaccompanied asylum-seeking child (903 DUC). */
export async function recordUascCeased(
  db: Db,
  actor: Actor,
  personId: number,
  input: { version: number; uascCeasedOn: string },
) {
  const c = new Checker()
  const on = checkDate(c, 'uascCeasedOn', 'the date UASC status ended', input.uascCeasedOn, {
    required: true,
  })
  c.throwIfAny()
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({
        version: person.version,
        uasc: person.uasc,
        uascCeasedOn: person.uascCeasedOn,
        dateOfBirth: person.dateOfBirth,
      })
      .from(person)
      .where(eq(person.id, personId))
      .for('update')
    if (!found) throw new NotFoundError(`No person ${personId}`)
    if (found.version !== input.version)
      throw new ConflictError(
        "Someone else changed this child's details while you were working on them.",
        await changesSince(tx, 'person', personId, input.version),
      )
    if (!found.uasc)
      throw new ValidationError({
        uascCeasedOn:
          'This child is not recorded as an unaccompanied asylum-seeking child. Change their personal details first.',
      })
    if (found.dateOfBirth && on! < found.dateOfBirth)
      throw new ValidationError({
        uascCeasedOn: 'The date UASC status ended must be after the child was born',
      })
    if (found.uascCeasedOn === on) return found.version
    const version = found.version + 1
    await tx.update(person).set({ uascCeasedOn: on, version }).where(eq(person.id, personId))
    await recordChanges(tx, actor, {
      entityType: 'person',
      entityId: personId,
      personId,
      version,
      changes: [{ field: 'uascCeasedOn', oldValue: found.uascCeasedOn, newValue: on }],
    })
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'person',
      subjectId: personId,
      personId,
      detail: { fields: ['uascCeasedOn'] },
    })
    return version
  })
}

/** Allocates (or changes) the child's IRO from a page: any IRO in post, from the date given. */
export async function allocateIro(
  db: Db,
  actor: Actor,
  personId: number,
  input: { workerId: number | null; startedOn: string },
) {
  const c = new Checker()
  if (input.workerId === null) c.add('workerId', 'Choose an independent reviewing officer')
  else await checkIro(db, c, input.workerId, 'workerId')
  c.throwIfAny()
  return reallocate(db, actor, {
    personId,
    kind: 'iro',
    teamId: null,
    workerId: input.workerId,
    startedOn: input.startedOn,
  })
}

/** IROs in post, to choose from. */
export async function irosInPost(db: DbOrTx) {
  return db
    .select({
      id: worker.id,
      name: sql<string>`${worker.givenName} || ' ' || ${worker.familyName}`,
      teamName: team.name,
    })
    .from(worker)
    .innerJoin(team, eq(team.id, worker.teamId))
    .where(and(eq(team.kind, 'independent-reviewing'), isNull(worker.leftOn)))
    .orderBy(asc(worker.familyName), asc(worker.givenName))
}

// ——— Reading the record ———

const personName = sql<string>`${person.givenName} || ' ' || ${person.familyName}`

/** Every period of care of the child, oldest first, with its legal statuses and placements. */
export async function periodsOfCare(db: DbOrTx, personId: number) {
  const periods = await db
    .select()
    .from(periodOfCare)
    .where(eq(periodOfCare.personId, personId))
    .orderBy(asc(periodOfCare.startDate))
  if (periods.length === 0) return []
  const ids = periods.map((p) => p.id)
  const [statuses, places] = await Promise.all([
    db
      .select()
      .from(legalStatus)
      .where(inArray(legalStatus.periodOfCareId, ids))
      .orderBy(asc(legalStatus.startDate), asc(legalStatus.id)),
    db
      .select({ placement, carerName: personName })
      .from(placement)
      .leftJoin(person, eq(person.id, placement.carerPersonId))
      .where(inArray(placement.periodOfCareId, ids))
      .orderBy(asc(placement.startDate), asc(placement.id)),
  ])
  return periods.map((p) => ({
    ...p,
    categoryLabel: ssda903Label('CIN', p.categoryOfNeed),
    reasonCeasedLabel: ssda903Label('REC', p.reasonCeased),
    legalStatuses: statuses
      .filter((l) => l.periodOfCareId === p.id)
      .map((l) => ({ ...l, label: ssda903Label('LS', l.code) })),
    placements: places
      .filter((r) => r.placement.periodOfCareId === p.id)
      .map(({ placement: pl, carerName }) => ({
        ...pl,
        carerName: pl.carerPersonId ? carerName : null,
        typeLabel: ssda903Label('PLACE', pl.placementType),
        providerLabel: ssda903Label('PLACE_PROVIDER', pl.provider),
        reasonForChangeLabel: ssda903Label('REASON_PLACE_CHANGE', pl.reasonForChange),
      })),
  }))
}

export type PeriodWithCare = Awaited<ReturnType<typeof periodsOfCare>>[number]

/** The child's 903 episodes, derived from the record, with labels for the page. */
export function episodesOf(periods: readonly PeriodWithCare[]) {
  const episodes = deriveEpisodes(
    periods,
    periods.flatMap((p) => p.legalStatuses),
    periods.flatMap((p) => p.placements),
  )
  return episodes.map((e: Ssda903Episode) => ({
    ...e,
    rneLabel: ssda903Label('RNE', e.RNE).split(' Use Code')[0]!,
    lsLabel: ssda903Label('LS', e.LS),
    placeLabel: ssda903Label('PLACE', e.PLACE),
    recLabel: e.REC === 'X1' ? 'Episode ended, care continued' : ssda903Label('REC', e.REC),
  }))
}

/**
 * Whether the carer of a placement is a connected person under regulation 24 temporary approval on a date:
 * approved temporarily, not yet decided, and within the 16 weeks (or the extension).
 */
async function underTemporaryApproval(
  db: DbOrTx,
  childId: number,
  carerPersonId: number | null,
  on: IsoDate,
) {
  if (carerPersonId === null) return false
  const rows = await db
    .select({
      temporaryApprovalOn: carerAssessment.temporaryApprovalOn,
      extendedTo: carerAssessment.temporaryApprovalExtendedTo,
      completedOn: carerAssessment.completedOn,
    })
    .from(carerAssessment)
    .where(
      and(
        eq(carerAssessment.childPersonId, childId),
        eq(carerAssessment.carerPersonId, carerPersonId),
        eq(carerAssessment.kind, 'connected-person'),
      ),
    )
  return rows.some((r) => {
    if (!r.temporaryApprovalOn || r.temporaryApprovalOn > on) return false
    if (r.completedOn && r.completedOn <= on) return false
    const until = r.extendedTo ?? addCalendarDays(r.temporaryApprovalOn, 16 * 7)
    return on <= until
  })
}

/**
 * The looked-after page: periods of care, what is current, the derived 903 episodes, the statutory
 * visiting rule with the last visit and when the next is due, the next review, and the IRO.
 */
export async function lookedAfterRecord(db: DbOrTx, personId: number, on = today()) {
  const [child] = await db
    .select({
      id: person.id,
      givenName: person.givenName,
      dateOfBirth: person.dateOfBirth,
      uasc: person.uasc,
      uascCeasedOn: person.uascCeasedOn,
      version: person.version,
    })
    .from(person)
    .where(eq(person.id, personId))
  if (!child) throw new NotFoundError(`No person ${personId}`)
  const periods = await periodsOfCare(db, personId)
  const currentPeriod = periods.find((p) => p.endDate === null) ?? null
  const currentStatus = currentPeriod?.legalStatuses.find((l) => l.endDate === null) ?? null
  const currentPlace = currentPeriod?.placements.find((p) => p.endDate === null) ?? null
  const [visits, reviews, iro, lastIroContact] = await Promise.all([
    db
      .select({
        visitedOn: visit.visitedOn,
        childSeen: visit.childSeen,
        childSeenAlone: visit.childSeenAlone,
      })
      .from(visit)
      .where(and(eq(visit.personId, personId), eq(visit.kind, 'statutory-looked-after')))
      .orderBy(desc(visit.visitedOn), desc(visit.id)),
    currentPeriod
      ? db
          .select({ heldOn: lacReview.heldOn })
          .from(lacReview)
          .where(eq(lacReview.periodOfCareId, currentPeriod.id))
          .orderBy(asc(lacReview.heldOn))
      : Promise.resolve([]),
    db
      .select({
        workerId: allocation.workerId,
        name: sql<string | null>`${worker.givenName} || ' ' || ${worker.familyName}`,
        since: allocation.startedOn,
      })
      .from(allocation)
      .leftJoin(worker, eq(worker.id, allocation.workerId))
      .where(and(eq(allocation.personId, personId), eq(allocation.kind, 'iro'), isNull(allocation.endedOn)))
      .limit(1),
    db
      .select({ contactedOn: iroContact.contactedOn })
      .from(iroContact)
      .where(eq(iroContact.personId, personId))
      .orderBy(desc(iroContact.contactedOn))
      .limit(1),
  ])
  const seen = visits.filter((v) => v.childSeen)
  const lastVisit = visits[0] ?? null
  let visitRule: VisitInterval | null = null
  let nextVisit: NextVisit | null = null
  let nextReviewDue: IsoDate | null = null
  if (currentPeriod && currentStatus && currentPlace) {
    const reviewDates = reviews.map((r) => r.heldOn)
    const options = {
      on,
      firstReviewOn: reviewDates[0] ?? null,
      temporaryApproval: await underTemporaryApproval(db, personId, currentPlace.carerPersonId, on),
    }
    visitRule = statutoryVisitInterval(currentPlace, currentStatus, options)
    nextVisit = nextStatutoryVisit(
      currentPlace,
      currentStatus,
      seen.map((v) => v.visitedOn),
      options,
    )
    nextReviewDue = nextLacReviewDue(currentPeriod.startDate, reviewDates)
  }
  return {
    child,
    periods,
    episodes: episodesOf(periods),
    current: currentPeriod
      ? { period: currentPeriod, legalStatus: currentStatus, placement: currentPlace }
      : null,
    visitRule,
    lastVisit,
    nextVisit,
    nextReviewDue,
    reviewOverdue: nextReviewDue !== null && nextReviewDue < on,
    firstReviewDue: currentPeriod ? addWorkingDays(currentPeriod.startDate, 20) : null,
    iro: iro[0] ?? null,
    lastIroContact: lastIroContact[0]?.contactedOn ?? null,
  }
}

export type LookedAfterRecord = Awaited<ReturnType<typeof lookedAfterRecord>>

/**
 * For the child's summary page: the current period of care, legal status and placement, when the next
 * review is due and the last statutory visit (with when the next is due). Nulls when not looked after.
 */
export async function lookedAfterSummary(db: DbOrTx, personId: number, on = today()) {
  const r = await lookedAfterRecord(db, personId, on)
  const current = r.current
  return {
    lookedAfter: current !== null,
    period: current
      ? {
          id: current.period.id,
          startDate: current.period.startDate,
          categoryOfNeed: current.period.categoryOfNeed,
          categoryLabel: current.period.categoryLabel,
        }
      : null,
    legalStatus: current?.legalStatus
      ? {
          code: current.legalStatus.code,
          label: current.legalStatus.label,
          startDate: current.legalStatus.startDate,
        }
      : null,
    placement: current?.placement
      ? {
          id: current.placement.id,
          placementType: current.placement.placementType,
          label: current.placement.typeLabel,
          providerName: current.placement.providerName,
          startDate: current.placement.startDate,
        }
      : null,
    nextReviewDue: r.nextReviewDue,
    reviewOverdue: r.reviewOverdue,
    lastVisit: r.lastVisit
      ? { visitedOn: r.lastVisit.visitedOn, childSeenAlone: r.lastVisit.childSeenAlone }
      : null,
    nextVisitDue: r.nextVisit,
    iro: r.iro ? { name: r.iro.name, since: r.iro.since } : null,
  }
}

/** The open period of care on a date (for reviews and other records that must fall within care). */
export async function periodOfCareOn(db: DbOrTx, personId: number, on: IsoDate) {
  const [found] = await db
    .select()
    .from(periodOfCare)
    .where(
      and(
        eq(periodOfCare.personId, personId),
        sql`${periodOfCare.startDate} <= ${on}`,
        sql`(${periodOfCare.endDate} is null or ${periodOfCare.endDate} >= ${on})`,
      ),
    )
    .limit(1)
  return found ?? null
}
