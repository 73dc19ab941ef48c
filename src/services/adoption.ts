import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm'
import { logAccess } from '../audit/access-log.ts'
import { diffFields, recordChanges } from '../audit/change-history.ts'
import type { Actor, CurrentUser } from '../auth/current-user.ts'
import { visiblePersonCondition } from '../auth/record-access.ts'
import { type Db, type DbOrTx, queryRows } from '../db/client.ts'
import {
  adoptionCase,
  familyFindingActivity,
  legalStatus,
  periodOfCare,
  person,
  placement,
  recordAccessGrant,
  team,
  userAccount,
  worker,
} from '../db/schema/index.ts'
import type { IsoDate } from '../domain/calendar/working-days.ts'
import { isSsda903Code, ssda903CodeItems, ssda903Label } from '../domain/codes/codes.ts'
import { checkDate, today } from './dates.ts'
import { Checker, ConflictError, NotFoundError, ValidationError } from './errors.ts'
import { changesSince } from './people.ts'
import { longDate } from './plans.ts'

// Adoption: the agency decision maker's decision that the child should be placed for adoption, the
// placement order, family finding, the matching panel and match, moving in with the adopters, and the
// adoption order — or a decision that the child should no longer be placed. Every SSDA903 AD1 and
// PlacedAdoption item is captured on the way. The adoption record is sealed when the order is made (or
// earlier, at matching, by an adoption manager): from then only the adoption team can find or open it.

const clean = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null)

/** Adoption scorecard thresholds (timescales.md §4): A1 14 months, A2 4 months, in days. */
export const A1_THRESHOLD_DAYS = 426
export const A2_THRESHOLD_DAYS = 121

/** Placements that are with prospective adopters (903 PLACE A3–A6). */
export const ADOPTIVE_PLACEMENTS = ['A3', 'A4', 'A5', 'A6'] as const
/** 903 REC codes for ceasing care because the child was adopted. */
export const ADOPTED_REASONS = ['E11', 'E12'] as const

export const ADOPTION_STEPS = [
  'placement-order',
  'matching-panel',
  'match',
  'placed',
  'order',
  'ceased',
] as const
export type AdoptionStep = (typeof ADOPTION_STEPS)[number]

export const ADOPTION_STEP_TITLES: Record<AdoptionStep, string> = {
  'placement-order': 'Record the placement order',
  'matching-panel': 'Record the matching panel',
  match: 'Record the match and the adopters',
  placed: 'Record when the child moved in with the adopters',
  order: 'Record the adoption order',
  ceased: 'Record that the child should no longer be placed for adoption',
}

export const FAMILY_FINDING_ACTIVITIES: Record<string, string> = {
  'regional-agency': 'Profile shared with the regional adoption agency',
  'national-register': 'Profile on the national register (Adoption Match, Link Maker)',
  'activity-day': 'Adoption activity day',
  'exchange-event': 'Exchange event',
  'adopters-approached': 'Approached approved adopters',
  'adopters-visit': 'Prospective adopters visited or met the child',
  other: 'Other family finding',
}

type CaseRow = typeof adoptionCase.$inferSelect

export interface AdoptionStepInput {
  placementOrderOn?: string | null
  matchingPanelOn?: string | null
  matchingRecommendation?: string | null
  matchedOn?: string | null
  /** 903 NB_ADOPTR: 1 or 2. */
  numberOfAdopters?: number | string | null
  /** 903 SEX_ADOPTR: M1, F1, MM, FF, MF. */
  sexOfAdopters?: string | null
  /** 903 LS_ADOPTR: L0, L11, L12, L2, L3, L4. */
  legalStatusOfAdopters?: string | null
  /** 903 FOSTER_CARE: adopted by the child's foster carer(s). */
  byFosterCarers?: boolean | null
  placedOn?: string | null
  adoptionOrderOn?: string | null
  decisionCeasedOn?: string | null
  /** 903 REASON_PLACED_CEASED: RD1–RD4. */
  decisionCeasedReason?: string | null
}

const STEP_FIELDS: Record<AdoptionStep, (keyof AdoptionStepInput)[]> = {
  'placement-order': ['placementOrderOn'],
  'matching-panel': ['matchingPanelOn', 'matchingRecommendation'],
  match: ['matchedOn', 'numberOfAdopters', 'sexOfAdopters', 'legalStatusOfAdopters', 'byFosterCarers'],
  placed: ['placedOn'],
  order: ['adoptionOrderOn'],
  ceased: ['decisionCeasedOn', 'decisionCeasedReason'],
}

export const isAdoptionStep = (v: string): v is AdoptionStep =>
  (ADOPTION_STEPS as readonly string[]).includes(v)

/** Open: neither adopted nor the decision reversed. */
export const isOpenCase = (c: Pick<CaseRow, 'adoptionOrderOn' | 'decisionCeasedOn'>) =>
  c.adoptionOrderOn === null && c.decisionCeasedOn === null

async function childOf(db: DbOrTx, personId: number) {
  const [found] = await db
    .select({
      id: person.id,
      givenName: person.givenName,
      dateOfBirth: person.dateOfBirth,
      accessRestriction: person.accessRestriction,
      version: person.version,
    })
    .from(person)
    .where(eq(person.id, personId))
  if (!found) throw new NotFoundError(`No person ${personId}`)
  return found
}

/** What the care record says about the adoption: the placement order (LS E1), the move (A3–A6), the order. */
export async function adoptionFactsFromCare(db: DbOrTx, personId: number, since: IsoDate) {
  const [order, move, adopted] = await Promise.all([
    db
      .select({ startDate: legalStatus.startDate })
      .from(legalStatus)
      .where(
        and(
          eq(legalStatus.personId, personId),
          eq(legalStatus.code, 'E1'),
          sql`${legalStatus.startDate} >= ${since}`,
        ),
      )
      .orderBy(asc(legalStatus.startDate))
      .limit(1),
    db
      .select({ startDate: placement.startDate })
      .from(placement)
      .where(
        and(
          eq(placement.personId, personId),
          inArray(placement.placementType, [...ADOPTIVE_PLACEMENTS]),
          sql`${placement.startDate} >= ${since}`,
        ),
      )
      .orderBy(asc(placement.startDate))
      .limit(1),
    db
      .select({ endDate: periodOfCare.endDate })
      .from(periodOfCare)
      .where(
        and(
          eq(periodOfCare.personId, personId),
          inArray(periodOfCare.reasonCeased, [...ADOPTED_REASONS]),
          sql`${periodOfCare.endDate} >= ${since}`,
        ),
      )
      .limit(1),
  ])
  return {
    placementOrderOn: order[0]?.startDate ?? null,
    placedOn: move[0]?.startDate ?? null,
    adoptionOrderOn: adopted[0]?.endDate ?? null,
  }
}

// ——— Starting the case: the agency decision maker's decision ———

/**
 * Records the agency decision maker's decision that the child should be placed for adoption (903 DATE_INT;
 * also PlacedAdoption DATE_PLACED, the same date by 903 rule 523). The child must be looked after then
 * (rules 334, 1003); a second decision needs the first to have ended (rule 579).
 */
export async function startAdoptionCase(
  db: Db,
  actor: Actor,
  personId: number,
  input: { shouldBePlacedOn: string },
) {
  const c = new Checker()
  const on = checkDate(
    c,
    'shouldBePlacedOn',
    "the date of the agency decision maker's decision",
    input.shouldBePlacedOn,
    {
      required: true,
    },
  )
  c.throwIfAny()
  return db.transaction(async (tx) => {
    await tx.select({ id: person.id }).from(person).where(eq(person.id, personId)).for('update')
    const child = await childOf(tx, personId)
    if (child.dateOfBirth && on! < child.dateOfBirth)
      throw new ValidationError({ shouldBePlacedOn: 'The decision cannot be before the child was born' })
    const [period] = await tx
      .select({ startDate: periodOfCare.startDate })
      .from(periodOfCare)
      .where(
        and(
          eq(periodOfCare.personId, personId),
          sql`${periodOfCare.startDate} <= ${on}`,
          or(isNull(periodOfCare.endDate), sql`${periodOfCare.endDate} > ${on}`),
        ),
      )
      .limit(1)
    if (!period)
      throw new ValidationError({
        shouldBePlacedOn: `${child.givenName} was not looked after on ${longDate(on)}. The decision is made for a child in care: record the period of care first.`,
      })
    const earlier = await tx
      .select()
      .from(adoptionCase)
      .where(eq(adoptionCase.personId, personId))
      .orderBy(desc(adoptionCase.shouldBePlacedOn))
    const open = earlier.find(isOpenCase)
    if (open)
      throw new ValidationError({
        shouldBePlacedOn: `There is already a decision, made on ${longDate(open.shouldBePlacedOn)}, that ${child.givenName} should be placed for adoption. Record that it has ended before making a new one.`,
      })
    const lastCeased = earlier.find((e) => e.decisionCeasedOn !== null)
    if (lastCeased?.decisionCeasedOn && on! < lastCeased.decisionCeasedOn)
      throw new ValidationError({
        shouldBePlacedOn: `A new decision cannot be before the last one ended (${longDate(lastCeased.decisionCeasedOn)})`,
      })
    const row = { personId, shouldBePlacedOn: on! }
    const [created] = await tx.insert(adoptionCase).values(row).returning({ id: adoptionCase.id })
    const id = created!.id
    await recordChanges(tx, actor, {
      entityType: 'adoption-case',
      entityId: id,
      personId,
      version: 1,
      changes: diffFields(null, row),
    })
    await logAccess(tx, actor, { action: 'create', subjectType: 'adoption-case', subjectId: id, personId })
    return id
  })
}

// ——— The steps that follow ———

const ADOPTER_SEXES_FOR_COUPLE = ['MM', 'FF', 'MF']
const ADOPTER_SEXES_FOR_ONE = ['M1', 'F1']

/** 903 rules 511, 514, 517–520 and 524: the number, sex and legal status of the adopters agree. */
function checkAdopters(c: Checker, n: number | null, sex: string | null, ls: string | null) {
  if (n === null) c.add('numberOfAdopters', 'Choose whether there is one adopter or two')
  if (!isSsda903Code('SEX_ADOPTR', sex))
    c.add('sexOfAdopters', 'Choose the sex of the adopters from the list')
  if (!isSsda903Code('LS_ADOPTR', ls))
    c.add('legalStatusOfAdopters', 'Choose the legal status of the adopters from the list')
  if (c.errors.numberOfAdopters || c.errors.sexOfAdopters || c.errors.legalStatusOfAdopters) return
  if (n === 2 && !ADOPTER_SEXES_FOR_COUPLE.includes(sex!))
    c.add(
      'sexOfAdopters',
      'Two adopters are a couple: choose male couple, female couple or male and female couple',
    )
  if (n === 1 && !ADOPTER_SEXES_FOR_ONE.includes(sex!))
    c.add('sexOfAdopters', 'One adopter: choose single male or single female')
  if (c.errors.sexOfAdopters) return
  const couple = n === 2
  const rule: Record<string, { ok: boolean; message: string }> = {
    L0: { ok: !couple, message: 'A single adopter cannot be a couple: check the number of adopters' },
    L11: { ok: sex === 'MF', message: 'A different gender married couple is a male and female couple' },
    L12: {
      ok: sex === 'MM' || sex === 'FF',
      message: 'A same gender married couple is a male couple or a female couple',
    },
    L2: { ok: couple, message: 'A civil partnership couple is two adopters' },
    L3: { ok: sex === 'MF', message: 'A different gender unmarried couple is a male and female couple' },
    L4: {
      ok: sex === 'MM' || sex === 'FF',
      message:
        'A same gender couple not married or in a civil partnership is a male couple or a female couple',
    },
  }
  const r = rule[ls!]
  if (r && !r.ok) c.add('legalStatusOfAdopters', r.message)
}

/**
 * Checks a case as it would be after a step, so dates can never be out of order whichever step is
 * recorded: the placement order and the match come after the agency decision, the move after the match,
 * the order after the move — and an adoption order needs a placement order.
 */
function checkCase(
  c: Checker,
  step: AdoptionStep,
  next: CaseRow,
  facts: Awaited<ReturnType<typeof adoptionFactsFromCare>>,
) {
  const adm = next.shouldBePlacedOn
  const admText = `the agency decision maker's decision (${longDate(adm)})`
  switch (step) {
    case 'placement-order':
      if (!next.placementOrderOn) break
      if (next.placementOrderOn < adm)
        c.add('placementOrderOn', `The placement order cannot be before ${admText}`)
      else if (facts.placementOrderOn && facts.placementOrderOn !== next.placementOrderOn)
        c.add(
          'placementOrderOn',
          `The child's legal status shows the placement order was granted on ${longDate(facts.placementOrderOn)}: use that date, or correct the legal status`,
        )
      break
    case 'matching-panel':
      if (next.matchingPanelOn && next.matchingPanelOn < adm)
        c.add('matchingPanelOn', `The matching panel cannot be before ${admText}`)
      if (!clean(next.matchingRecommendation))
        c.add('matchingRecommendation', "Record the panel's recommendation")
      break
    case 'match':
      if (!next.matchedOn) break
      if (next.matchedOn < adm) c.add('matchedOn', `A match cannot be made before ${admText}`)
      else if (!next.matchingPanelOn) c.add('matchedOn', 'Record the matching panel before the match')
      else if (next.matchedOn < next.matchingPanelOn)
        c.add(
          'matchedOn',
          `The match is decided after the matching panel (${longDate(next.matchingPanelOn)})`,
        )
      checkAdopters(c, next.numberOfAdopters, next.sexOfAdopters, next.legalStatusOfAdopters)
      if (next.byFosterCarers === null)
        c.add('byFosterCarers', "Say whether the adopters are the child's foster carers")
      break
    case 'placed':
      if (!next.placedOn) break
      if (!next.matchedOn) c.add('placedOn', 'Record the match before the child moves in with the adopters')
      else if (next.placedOn < next.matchedOn)
        c.add('placedOn', `The child cannot move in before the match (${longDate(next.matchedOn)})`)
      else if (facts.placedOn && facts.placedOn !== next.placedOn)
        c.add(
          'placedOn',
          `The child's placements show they moved to their adoptive placement on ${longDate(facts.placedOn)}: use that date, or correct the placement`,
        )
      break
    case 'order':
      if (!next.adoptionOrderOn) break
      if (!next.placementOrderOn)
        c.add(
          'adoptionOrderOn',
          'An adoption order needs a placement order: record the placement order first',
        )
      else if (!next.placedOn)
        c.add('adoptionOrderOn', 'Record when the child moved in with the adopters before the adoption order')
      else if (next.adoptionOrderOn < next.placedOn)
        c.add(
          'adoptionOrderOn',
          `The adoption order cannot be before the child moved in (${longDate(next.placedOn)})`,
        )
      else if (next.matchedOn && next.adoptionOrderOn <= next.matchedOn)
        c.add('adoptionOrderOn', `The adoption order comes after the match (${longDate(next.matchedOn)})`)
      else if (next.adoptionOrderOn < next.placementOrderOn)
        c.add(
          'adoptionOrderOn',
          `The adoption order cannot be before the placement order (${longDate(next.placementOrderOn)})`,
        )
      break
    case 'ceased':
      if (next.decisionCeasedOn && next.decisionCeasedOn < adm)
        c.add('decisionCeasedOn', `This decision cannot be before ${admText}`)
      if (!isSsda903Code('REASON_PLACED_CEASED', next.decisionCeasedReason))
        c.add('decisionCeasedReason', 'Choose why the child should no longer be placed for adoption')
      break
  }
}

const STEP_REQUIRED: Record<AdoptionStep, [keyof AdoptionStepInput, string]> = {
  'placement-order': ['placementOrderOn', 'the date the placement order was made'],
  'matching-panel': ['matchingPanelOn', 'the date of the matching panel'],
  match: ['matchedOn', 'the date of the match'],
  placed: ['placedOn', 'the date the child moved in with the adopters'],
  order: ['adoptionOrderOn', 'the date the adoption order was made'],
  ceased: ['decisionCeasedOn', 'the date of the decision'],
}

async function loadCase(db: DbOrTx, personId: number, caseId: number) {
  const [found] = await db
    .select()
    .from(adoptionCase)
    .where(and(eq(adoptionCase.id, caseId), eq(adoptionCase.personId, personId)))
  if (!found) throw new NotFoundError(`No adoption case ${caseId} for ${personId}`)
  return found
}

/**
 * Records one step of the adoption (see ADOPTION_STEPS) against the version the user started from. The
 * adoption order seals the record in the same transaction.
 */
export async function recordAdoptionStep(
  db: Db,
  actor: Actor,
  personId: number,
  caseId: number,
  expectedVersion: number,
  step: AdoptionStep,
  input: AdoptionStepInput,
) {
  const c = new Checker()
  const [requiredField, requiredLabel] = STEP_REQUIRED[step]
  const values: Partial<CaseRow> = {}
  for (const field of STEP_FIELDS[step]) {
    const raw = input[field]
    if (field.endsWith('On')) {
      const date = checkDate(
        c,
        field,
        field === requiredField ? requiredLabel : field,
        raw as string | null,
        {
          required: field === requiredField,
        },
      )
      ;(values as Record<string, unknown>)[field] = date
    } else if (field === 'numberOfAdopters') {
      const n = raw === null || raw === undefined || raw === '' ? null : Number(raw)
      values.numberOfAdopters = n === 1 || n === 2 ? n : null
      if (n !== null && n !== 1 && n !== 2)
        c.add('numberOfAdopters', 'Choose whether there is one adopter or two')
    } else if (field === 'byFosterCarers') {
      values.byFosterCarers = typeof raw === 'boolean' ? raw : null
    } else {
      ;(values as Record<string, unknown>)[field] = clean(raw as string | null)
    }
  }
  c.throwIfAny()
  return db.transaction(async (tx) => {
    const current = await loadCase(tx, personId, caseId)
    if (current.version !== expectedVersion)
      throw new ConflictError(
        'Someone else changed the adoption record while you were editing it.',
        await changesSince(tx, 'adoption-case', caseId, expectedVersion),
      )
    if (current.adoptionOrderOn)
      throw new ValidationError({
        [requiredField]: `The adoption order was made on ${longDate(current.adoptionOrderOn)}: this adoption is complete`,
      })
    if (current.decisionCeasedOn)
      throw new ValidationError({
        [requiredField]: `The decision that the child should be placed for adoption ended on ${longDate(current.decisionCeasedOn)}. If adoption is the plan again, record a new decision.`,
      })
    const next: CaseRow = { ...current, ...values }
    const facts = await adoptionFactsFromCare(tx, personId, current.shouldBePlacedOn)
    checkCase(c, step, next, facts)
    c.throwIfAny()
    const sealing = step === 'order' && current.sealedOn === null
    const after: Partial<CaseRow> = { ...values, ...(sealing ? { sealedOn: next.adoptionOrderOn } : {}) }
    const before = Object.fromEntries(Object.keys(after).map((k) => [k, current[k as keyof CaseRow] ?? null]))
    const changes = diffFields(before, after)
    if (changes.length === 0) return current.version
    const version = current.version + 1
    const updated = await tx
      .update(adoptionCase)
      .set({ ...after, version })
      .where(and(eq(adoptionCase.id, caseId), eq(adoptionCase.version, expectedVersion)))
      .returning({ id: adoptionCase.id })
    if (updated.length === 0)
      throw new ConflictError('Someone else changed the adoption record while you were editing it.', [])
    await recordChanges(tx, actor, {
      entityType: 'adoption-case',
      entityId: caseId,
      personId,
      version,
      changes,
    })
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'adoption-case',
      subjectId: caseId,
      personId,
      detail: { step, version },
    })
    if (sealing) await sealRecord(tx, actor, personId, caseId, 'adoption-order')
    return version
  })
}

// ——— Family finding ———

export interface FamilyFindingInput {
  occurredOn: string
  activity: string
  notes?: string | null
}

export async function recordFamilyFinding(
  db: Db,
  actor: Actor,
  personId: number,
  caseId: number,
  input: FamilyFindingInput,
) {
  const c = new Checker()
  const occurredOn = checkDate(c, 'occurredOn', 'the date', input.occurredOn, { required: true })
  c.check(input.activity in FAMILY_FINDING_ACTIVITIES, 'activity', 'Choose what was done')
  const notes = clean(input.notes)
  if (input.activity === 'other' && !notes) c.add('notes', 'Say what was done')
  c.throwIfAny()
  return db.transaction(async (tx) => {
    const found = await loadCase(tx, personId, caseId)
    if (!isOpenCase(found))
      throw new ValidationError({
        activity: 'This adoption case has ended: family finding is recorded on an open case',
      })
    const row = { adoptionCaseId: caseId, occurredOn: occurredOn!, activity: input.activity, notes }
    const [created] = await tx
      .insert(familyFindingActivity)
      .values(row)
      .returning({ id: familyFindingActivity.id })
    const id = created!.id
    await recordChanges(tx, actor, {
      entityType: 'family-finding',
      entityId: id,
      personId,
      version: 1,
      changes: diffFields(null, row),
    })
    await logAccess(tx, actor, {
      action: 'create',
      subjectType: 'family-finding',
      subjectId: id,
      personId,
      detail: { caseId },
    })
    return id
  })
}

// ——— Sealing ———

/** Users authorised for adoption work: those whose worker is in post in a permanence and adoption team. */
function adoptionTeamUsers() {
  return sql`select u.id from ${userAccount} u join ${worker} w on w.id = u.worker_id join ${team} t on t.id = w.team_id
    where t.kind = 'permanence-and-adoption' and w.left_on is null and not u.disabled`
}

/** Whether the user is an adoption manager: a manager in a permanence and adoption team. */
export async function isAdoptionManager(db: DbOrTx, user: CurrentUser) {
  if (user.teamId === null || !user.roles.some((r) => r === 'team-manager' || r === 'service-manager'))
    return false
  const [found] = await db.select({ kind: team.kind }).from(team).where(eq(team.id, user.teamId))
  return found?.kind === 'permanence-and-adoption'
}

/**
 * Seals the record in the caller's transaction: the person becomes 'sealed' (visible only to users with a
 * grant) and every member of the adoption team is granted access; written to the change history and the
 * access log with the change.
 */
async function sealRecord(
  tx: DbOrTx,
  actor: Actor,
  personId: number,
  caseId: number,
  how: 'adoption-order' | 'at-matching',
) {
  const child = await childOf(tx, personId)
  let version = child.version
  if (child.accessRestriction !== 'sealed') {
    version = child.version + 1
    await tx.update(person).set({ accessRestriction: 'sealed', version }).where(eq(person.id, personId))
    await recordChanges(tx, actor, {
      entityType: 'person',
      entityId: personId,
      personId,
      version,
      changes: [{ field: 'accessRestriction', oldValue: child.accessRestriction, newValue: 'sealed' }],
      reason:
        how === 'adoption-order'
          ? 'Adoption order made: adoption record sealed'
          : 'Sealed at matching by an adoption manager',
    })
  }
  const granted = await grantAdoptionTeam(
    tx,
    actor,
    personId,
    how === 'adoption-order'
      ? 'Adoption record sealed at the adoption order'
      : 'Adoption record sealed at matching',
  )
  await logAccess(tx, actor, {
    action: 'change',
    subjectType: 'person',
    subjectId: personId,
    personId,
    detail: { accessRestriction: 'sealed', adoptionCaseId: caseId, how, grantedTo: granted },
  })
  return granted
}

async function grantAdoptionTeam(tx: DbOrTx, actor: Actor, personId: number, reason: string) {
  const rows = await queryRows<{ user_id: number }>(
    tx,
    sql`insert into ${recordAccessGrant} (person_id, user_id, granted_by, reason)
        select ${personId}, ids.id, ${actor.user.id}, ${reason} from (${adoptionTeamUsers()}) ids
        on conflict (person_id, user_id) do nothing
        returning user_id`,
  )
  return rows.map((r) => Number(r.user_id))
}

/**
 * Seals the adoption record before the order, at matching, by an adoption manager's decision. Refused to
 * anyone else, and before the match.
 */
export async function sealAtMatching(
  db: Db,
  actor: Actor,
  personId: number,
  caseId: number,
  expectedVersion: number,
) {
  if (!(await isAdoptionManager(db, actor.user)))
    throw new ValidationError({
      seal: 'Only a manager in the permanence and adoption team can seal the record early',
    })
  return db.transaction(async (tx) => {
    const current = await loadCase(tx, personId, caseId)
    if (current.version !== expectedVersion)
      throw new ConflictError(
        'Someone else changed the adoption record while you were looking at it.',
        await changesSince(tx, 'adoption-case', caseId, expectedVersion),
      )
    if (current.sealedOn)
      throw new ValidationError({ seal: `The record was sealed on ${longDate(current.sealedOn)}` })
    if (!current.matchedOn)
      throw new ValidationError({ seal: 'The record can be sealed early only once the child is matched' })
    if (!isOpenCase(current)) throw new ValidationError({ seal: 'This adoption case has ended' })
    const version = current.version + 1
    const sealedOn = today()
    await tx.update(adoptionCase).set({ sealedOn, version }).where(eq(adoptionCase.id, caseId))
    await recordChanges(tx, actor, {
      entityType: 'adoption-case',
      entityId: caseId,
      personId,
      version,
      changes: [{ field: 'sealedOn', oldValue: null, newValue: sealedOn }],
      reason: 'Sealed at matching by an adoption manager',
    })
    await sealRecord(tx, actor, personId, caseId, 'at-matching')
    return version
  })
}

/** Grants a sealed record to adoption team members who joined since it was sealed (an adoption manager). */
export async function grantAdoptionTeamAccess(db: Db, actor: Actor, personId: number) {
  if (!(await isAdoptionManager(db, actor.user)))
    throw new ValidationError({ grant: 'Only a manager in the permanence and adoption team can do this' })
  return db.transaction(async (tx) => {
    const child = await childOf(tx, personId)
    if (child.accessRestriction !== 'sealed')
      throw new ValidationError({ grant: 'This record is not sealed' })
    const granted = await grantAdoptionTeam(tx, actor, personId, 'Adoption team access to a sealed record')
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'record-access',
      subjectId: personId,
      personId,
      detail: { grantedTo: granted },
    })
    return granted
  })
}

// ——— Adoption scorecard timeliness ———

export interface AdoptionTimeliness {
  personId: number
  givenName: string
  familyName: string
  adoptionCaseId: number
  enteredCareOn: IsoDate | null
  shouldBePlacedOn: IsoDate
  placementOrderOn: IsoDate | null
  matchedOn: IsoDate | null
  placedOn: IsoDate | null
  adoptionOrderOn: IsoDate | null
  decisionCeasedOn: IsoDate | null
  /** A1: entering care to moving in with the adopters — days so far while the child waits. */
  a1Days: number | null
  a1Complete: boolean
  a1Exceeded: boolean
  /** A2: placement order to match — days so far while the child waits. */
  a2Days: number | null
  a2Complete: boolean
  a2Exceeded: boolean
}

/**
 * The adoption scorecard intervals for every child with an adoption case (their latest), in one set-based
 * query: A1 entering care → placed with adopters (threshold 426 days) and A2 placement order → match (121
 * days). While a child waits the interval runs to `asAt`; a reversed decision stops it. Filter by children,
 * by what a user may see, or to the children with a placement order still waiting for a match.
 */
export async function adoptionTimeliness(
  db: DbOrTx,
  options: {
    personIds?: readonly number[]
    user?: CurrentUser
    asAt?: IsoDate
    waitingForMatch?: boolean
  } = {},
): Promise<AdoptionTimeliness[]> {
  const asAt = options.asAt ?? today()
  if (options.personIds && options.personIds.length === 0) return []
  const filters: SQL[] = []
  if (options.personIds)
    filters.push(
      sql`ac.person_id in (${sql.join(
        options.personIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    )
  const outer: SQL[] = [sql`true`]
  if (options.user) outer.push(visiblePersonCondition(options.user))
  if (options.waitingForMatch)
    outer.push(
      sql`c.placement_order_on is not null and c.matched_on is null and c.decision_ceased_on is null and c.adoption_order_on is null`,
    )
  const rows = await queryRows<{
    person_id: number
    given_name: string
    family_name: string
    case_id: number
    entered_care_on: string | null
    should_be_placed_on: string
    placement_order_on: string | null
    matched_on: string | null
    placed_on: string | null
    adoption_order_on: string | null
    decision_ceased_on: string | null
    a1_days: number | null
    a2_days: number | null
  }>(
    db,
    sql`
    with c as (
      select distinct on (ac.person_id) ac.*
      from ${adoptionCase} ac
      ${filters.length ? sql`where ${sql.join(filters, sql` and `)}` : sql``}
      order by ac.person_id, ac.should_be_placed_on desc, ac.id desc
    )
    select c.person_id, ${person}.given_name, ${person}.family_name, c.id as case_id,
      poc.start_date::text as entered_care_on, c.should_be_placed_on::text, c.placement_order_on::text,
      c.matched_on::text, c.placed_on::text, c.adoption_order_on::text, c.decision_ceased_on::text,
      case
        when c.placed_on is not null then c.placed_on - poc.start_date
        when c.decision_ceased_on is null then ${asAt}::date - poc.start_date
      end as a1_days,
      case
        when c.placement_order_on is null then null
        when c.matched_on is not null then c.matched_on - c.placement_order_on
        when c.decision_ceased_on is null then ${asAt}::date - c.placement_order_on
      end as a2_days
    from c
    join ${person} on ${person}.id = c.person_id
    left join lateral (
      select p.start_date from ${periodOfCare} p
      where p.person_id = c.person_id and p.start_date <= c.should_be_placed_on
      order by p.start_date desc limit 1
    ) poc on true
    where ${sql.join(outer, sql` and `)}
    order by c.placement_order_on asc nulls last, c.person_id`,
  )
  return rows.map((r) => {
    const a1 = r.a1_days === null ? null : Number(r.a1_days)
    const a2 = r.a2_days === null ? null : Number(r.a2_days)
    return {
      personId: Number(r.person_id),
      givenName: r.given_name,
      familyName: r.family_name,
      adoptionCaseId: Number(r.case_id),
      enteredCareOn: r.entered_care_on,
      shouldBePlacedOn: r.should_be_placed_on,
      placementOrderOn: r.placement_order_on,
      matchedOn: r.matched_on,
      placedOn: r.placed_on,
      adoptionOrderOn: r.adoption_order_on,
      decisionCeasedOn: r.decision_ceased_on,
      a1Days: a1,
      a1Complete: r.placed_on !== null,
      a1Exceeded: a1 !== null && a1 > A1_THRESHOLD_DAYS,
      a2Days: a2,
      a2Complete: r.matched_on !== null && r.placement_order_on !== null,
      a2Exceeded: a2 !== null && a2 > A2_THRESHOLD_DAYS,
    }
  })
}

/** Children with a placement order and no match yet, longest wait first, among those the user may see. */
export async function childrenWaitingForMatch(db: DbOrTx, user: CurrentUser, asAt = today()) {
  return adoptionTimeliness(db, { user, asAt, waitingForMatch: true })
}

// ——— The adoption page ———

/** The SSDA903 AD1 and PlacedAdoption items of a case, as the return will send them. */
export function ssda903AdoptionItems(c: CaseRow) {
  return {
    AD1: {
      DATE_INT: c.shouldBePlacedOn,
      DATE_MATCH: c.matchedOn,
      FOSTER_CARE: c.byFosterCarers === null ? null : c.byFosterCarers ? '1' : '0',
      NB_ADOPTR: c.numberOfAdopters === null ? null : String(c.numberOfAdopters),
      SEX_ADOPTR: c.sexOfAdopters,
      LS_ADOPTR: c.legalStatusOfAdopters,
    },
    PlacedAdoption: {
      // 903 rule 523: the date of the decision that the child should be placed is DATE_INT.
      DATE_PLACED: c.shouldBePlacedOn,
      DATE_PLACED_CEASED: c.decisionCeasedOn,
      REASON_PLACED_CEASED: c.decisionCeasedReason,
    },
  }
}

/** Everything the adoption page shows: the cases (latest first), family finding, timeliness, sealing. */
export async function adoptionRecord(db: DbOrTx, personId: number, user?: CurrentUser, asAt = today()) {
  const child = await childOf(db, personId)
  const cases = await db
    .select()
    .from(adoptionCase)
    .where(eq(adoptionCase.personId, personId))
    .orderBy(desc(adoptionCase.shouldBePlacedOn), desc(adoptionCase.id))
  const activities = cases.length
    ? await db
        .select()
        .from(familyFindingActivity)
        .where(
          inArray(
            familyFindingActivity.adoptionCaseId,
            cases.map((c) => c.id),
          ),
        )
        .orderBy(desc(familyFindingActivity.occurredOn), desc(familyFindingActivity.id))
    : []
  const [timeliness] = cases.length ? await adoptionTimeliness(db, { personIds: [personId], asAt }) : []
  const latest = cases[0] ?? null
  const facts = latest ? await adoptionFactsFromCare(db, personId, latest.shouldBePlacedOn) : null
  return {
    child,
    sealed: child.accessRestriction === 'sealed',
    canSealEarly: user ? await isAdoptionManager(db, user) : false,
    timeliness: timeliness ?? null,
    facts,
    cases: cases.map((c) => ({
      ...c,
      open: isOpenCase(c),
      sexLabel: ssda903Label('SEX_ADOPTR', c.sexOfAdopters),
      legalStatusLabel: ssda903Label('LS_ADOPTR', c.legalStatusOfAdopters),
      reasonCeasedLabel: ssda903Label('REASON_PLACED_CEASED', c.decisionCeasedReason),
      ssda903: ssda903AdoptionItems(c),
      familyFinding: activities
        .filter((a) => a.adoptionCaseId === c.id)
        .map((a) => ({ ...a, label: FAMILY_FINDING_ACTIVITIES[a.activity] ?? a.activity })),
    })),
  }
}

export async function getAdoptionCase(db: DbOrTx, personId: number, caseId: number) {
  return loadCase(db, personId, caseId)
}

export const sexOfAdoptersItems = (selected?: string | null) => ssda903CodeItems('SEX_ADOPTR', selected)
export const legalStatusOfAdoptersItems = (selected?: string | null) =>
  ssda903CodeItems('LS_ADOPTR', selected)
