import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { logAccess } from '../audit/access-log.ts'
import { diffFields, historyOf, recordChanges } from '../audit/change-history.ts'
import type { Actor, CurrentUser } from '../auth/current-user.ts'
import type { Db, DbOrTx } from '../db/client.ts'
import {
  carerAssessment,
  directWork,
  lacReview,
  periodOfCare,
  permanenceOption,
  permanencePlan,
  person,
  siblingAssessment,
  specialGuardianshipOrder,
  userAccount,
} from '../db/schema/index.ts'
import { addCalendarDays, addMonths, addWorkingDays, type IsoDate } from '../domain/calendar/working-days.ts'
import { isSsda903Code, ssda903Label } from '../domain/codes/codes.ts'
import { checkDate, today } from './dates.ts'
import { Checker, ConflictError, NotFoundError, ValidationError } from './errors.ts'
import { relationshipsOf, siblingsOf } from './family.ts'
import { changesSince, checkPersonInput } from './people.ts'
import { longDate } from './plans.ts'

// Permanence: the plan for where the child will grow up (every option weighed, and why one was chosen),
// brothers and sisters placed together or apart, family and friends assessed as carers (with regulation 24
// temporary approval), special guardianship orders, life-story work, and the permanence the child had
// before coming into care (SSDA903 PrevPerm).

const clean = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null)

async function childOf(db: DbOrTx, personId: number) {
  const [found] = await db
    .select({
      id: person.id,
      givenName: person.givenName,
      dateOfBirth: person.dateOfBirth,
      version: person.version,
      previousPermanence: person.previousPermanence,
      previousPermanenceLa: person.previousPermanenceLa,
      previousPermanenceOn: person.previousPermanenceOn,
    })
    .from(person)
    .where(eq(person.id, personId))
  if (!found) throw new NotFoundError(`No person ${personId}`)
  return found
}

// ——— The permanence plan ———

export const PERMANENCE_OPTIONS = [
  'return-home',
  'connected-person',
  'special-guardianship',
  'long-term-fostering',
  'adoption',
  'early-permanence',
  'residential',
  'other',
] as const
export type PermanenceOptionKey = (typeof PERMANENCE_OPTIONS)[number]

export const PERMANENCE_OPTION_LABELS: Record<PermanenceOptionKey, string> = {
  'return-home': 'Return home to parents',
  'connected-person': 'Living with family or friends (connected persons)',
  'special-guardianship': 'Special guardianship',
  'long-term-fostering': 'Long-term fostering',
  adoption: 'Adoption',
  'early-permanence': 'Early permanence (fostering for adoption or concurrent planning)',
  residential: 'Residential care',
  other: 'Another plan',
}

export const isPermanenceOption = (v: string | null | undefined): v is PermanenceOptionKey =>
  (PERMANENCE_OPTIONS as readonly string[]).includes(v ?? '')

export interface PermanenceOptionInput {
  option: string
  considered: boolean | null
  /** Why this option is or is not right for the child. */
  analysis: string
}

export interface PermanencePlanInput {
  decidedOn: string
  chosenOption: string
  rationale: string
  /** One entry for each of PERMANENCE_OPTIONS. */
  options: PermanenceOptionInput[]
}

/** Checks a permanence plan: every option answered, each considered option analysed, the choice explained. */
export function checkPermanencePlan(input: PermanencePlanInput) {
  const c = new Checker()
  const decidedOn = checkDate(c, 'decidedOn', 'the date of the decision', input.decidedOn, { required: true })
  const options = PERMANENCE_OPTIONS.map((key) => {
    const given = input.options.find((o) => o.option === key)
    const label = PERMANENCE_OPTION_LABELS[key].split(' (')[0]!.toLowerCase()
    const analysis = clean(given?.analysis)
    if (given?.considered !== true && given?.considered !== false)
      c.add(`considered-${key}`, `Say whether ${label} was considered`)
    else if (given.considered && analysis === null)
      c.add(`analysis-${key}`, `Write what you found about ${label}: why it is or is not right for the child`)
    return { option: key, considered: given?.considered === true, analysis: analysis ?? '' }
  })
  for (const o of input.options)
    c.check(isPermanenceOption(o.option), 'options', 'Answer for the options on the list only')
  const chosen = clean(input.chosenOption)
  if (!isPermanenceOption(chosen)) c.add('chosenOption', 'Choose the plan for permanence')
  else if (options.find((o) => o.option === chosen)?.considered === false)
    c.add('chosenOption', 'The plan chosen must be one of the options considered')
  const rationale = clean(input.rationale)
  c.check(rationale !== null, 'rationale', 'Explain why this plan was chosen over the others')
  c.throwIfAny()
  return {
    decidedOn: decidedOn!,
    chosenOption: chosen as PermanenceOptionKey,
    rationale: rationale!,
    options,
  }
}

/**
 * When the permanence plan is due: by the child's second looked-after review (CA 1989 guidance vol 2):
 * the second review's date if it has happened, otherwise when it is due — 3 months after the first review,
 * which is due 20 working days after the child became looked after.
 */
export async function permanencePlanDue(db: DbOrTx, personId: number) {
  const [current] = await db
    .select({ id: periodOfCare.id, startDate: periodOfCare.startDate })
    .from(periodOfCare)
    .where(and(eq(periodOfCare.personId, personId), isNull(periodOfCare.endDate)))
    .orderBy(desc(periodOfCare.startDate))
    .limit(1)
  if (!current) return null
  const reviews = await db
    .select({ heldOn: lacReview.heldOn })
    .from(lacReview)
    .where(eq(lacReview.periodOfCareId, current.id))
    .orderBy(asc(lacReview.heldOn))
    .limit(2)
  const first = reviews[0]?.heldOn ?? null
  const second = reviews[1]?.heldOn ?? null
  const dueBy = second ?? addMonths(first ?? addWorkingDays(current.startDate, 20), 3)
  return {
    periodOfCareId: current.id,
    lookedAfterSince: current.startDate,
    dueBy,
    basis: second
      ? 'the second looked-after review'
      : first
        ? 'when the second looked-after review is due, 3 months after the first'
        : 'when the second looked-after review is due, if the first is held on time',
  }
}

async function loadPlanRow(db: DbOrTx, personId: number, planId: number) {
  const [found] = await db
    .select()
    .from(permanencePlan)
    .where(and(eq(permanencePlan.id, planId), eq(permanencePlan.personId, personId)))
  if (!found) throw new NotFoundError(`No permanence plan ${planId} for ${personId}`)
  const options = await db
    .select()
    .from(permanenceOption)
    .where(eq(permanenceOption.permanencePlanId, planId))
    .orderBy(asc(permanenceOption.id))
  return { ...found, options }
}

const optionsSnapshot = (options: { option: string; considered: boolean; analysis: string }[]) =>
  options.map((o) => ({ option: o.option, considered: o.considered, analysis: o.analysis }))

/** Records the permanence plan for the child's current period of care (one per period: change it after). */
export async function createPermanencePlan(db: Db, actor: Actor, personId: number, raw: PermanencePlanInput) {
  const input = checkPermanencePlan(raw)
  await childOf(db, personId)
  return db.transaction(async (tx) => {
    // Taken in turn: two people recording the first plan at once make one plan, not two.
    await tx.select({ id: person.id }).from(person).where(eq(person.id, personId)).for('update')
    const due = await permanencePlanDue(tx, personId)
    const periodOfCareId = due?.periodOfCareId ?? null
    const [existing] = await tx
      .select({ id: permanencePlan.id, decidedOn: permanencePlan.decidedOn })
      .from(permanencePlan)
      .where(
        and(
          eq(permanencePlan.personId, personId),
          periodOfCareId === null
            ? isNull(permanencePlan.periodOfCareId)
            : eq(permanencePlan.periodOfCareId, periodOfCareId),
        ),
      )
      .limit(1)
    if (existing)
      throw new ValidationError({
        chosenOption: `A permanence plan was already recorded on ${longDate(existing.decidedOn)}. Change that plan instead.`,
      })
    if (due && input.decidedOn < due.lookedAfterSince)
      throw new ValidationError({
        decidedOn: `The decision cannot be before the child became looked after (${longDate(due.lookedAfterSince)})`,
      })
    const row = {
      personId,
      periodOfCareId,
      decidedOn: input.decidedOn,
      chosenOption: input.chosenOption,
      rationale: input.rationale,
    }
    const [created] = await tx.insert(permanencePlan).values(row).returning({ id: permanencePlan.id })
    const planId = created!.id
    await tx.insert(permanenceOption).values(input.options.map((o) => ({ ...o, permanencePlanId: planId })))
    await recordChanges(tx, actor, {
      entityType: 'permanence-plan',
      entityId: planId,
      personId,
      version: 1,
      changes: diffFields(null, { ...row, options: optionsSnapshot(input.options) }),
      reason: 'Permanence plan made',
    })
    await logAccess(tx, actor, {
      action: 'create',
      subjectType: 'permanence-plan',
      subjectId: planId,
      personId,
    })
    return planId
  })
}

/**
 * Saves a new version of the permanence plan. `expectedVersion` is the version the user started from: if
 * someone saved since, nothing is written and a ConflictError says what they changed.
 */
export async function updatePermanencePlan(
  db: Db,
  actor: Actor,
  personId: number,
  planId: number,
  expectedVersion: number,
  raw: PermanencePlanInput & { reason?: string | null },
) {
  const input = checkPermanencePlan(raw)
  return db.transaction(async (tx) => {
    const current = await loadPlanRow(tx, personId, planId)
    if (current.version !== expectedVersion)
      throw new ConflictError(
        'Someone else changed the permanence plan while you were editing it.',
        await changesSince(tx, 'permanence-plan', planId, expectedVersion),
      )
    const before = {
      decidedOn: current.decidedOn,
      chosenOption: current.chosenOption,
      rationale: current.rationale,
      options: optionsSnapshot(current.options),
    }
    const after = {
      decidedOn: input.decidedOn,
      chosenOption: input.chosenOption,
      rationale: input.rationale,
      options: optionsSnapshot(input.options),
    }
    const changes = diffFields(before, after)
    if (changes.length === 0) return current.version
    const version = current.version + 1
    const updated = await tx
      .update(permanencePlan)
      .set({
        decidedOn: input.decidedOn,
        chosenOption: input.chosenOption,
        rationale: input.rationale,
        version,
      })
      .where(and(eq(permanencePlan.id, planId), eq(permanencePlan.version, expectedVersion)))
      .returning({ id: permanencePlan.id })
    if (updated.length === 0)
      throw new ConflictError('Someone else changed the permanence plan while you were editing it.', [])
    await tx.delete(permanenceOption).where(eq(permanenceOption.permanencePlanId, planId))
    await tx.insert(permanenceOption).values(input.options.map((o) => ({ ...o, permanencePlanId: planId })))
    await recordChanges(tx, actor, {
      entityType: 'permanence-plan',
      entityId: planId,
      personId,
      version,
      changes,
      reason: clean(raw.reason),
    })
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'permanence-plan',
      subjectId: planId,
      personId,
      detail: { fields: changes.map((ch) => ch.field), version },
    })
    return version
  })
}

/** A permanence plan with its options in the order of PERMANENCE_OPTIONS, and labels. */
export async function getPermanencePlan(db: DbOrTx, personId: number, planId: number) {
  const found = await loadPlanRow(db, personId, planId)
  return describePlan(found)
}

function describePlan(found: Awaited<ReturnType<typeof loadPlanRow>>) {
  return {
    ...found,
    chosenLabel: PERMANENCE_OPTION_LABELS[found.chosenOption],
    options: PERMANENCE_OPTIONS.map((key) => {
      const o = found.options.find((x) => x.option === key)
      return {
        option: key,
        label: PERMANENCE_OPTION_LABELS[key],
        considered: o?.considered ?? false,
        analysis: o?.analysis ?? '',
        chosen: key === found.chosenOption,
      }
    }),
  }
}

/** Every saved version of the plan: who changed what, when and why (from the change history). */
export async function permanencePlanVersions(db: DbOrTx, personId: number, planId: number) {
  await loadPlanRow(db, personId, planId)
  const rows = await historyOf(db, 'permanence-plan', planId)
  const users = await userNames(
    db,
    rows.map((r) => r.userId),
  )
  const versions = new Map<
    number,
    {
      version: number
      at: Date
      by: string | null
      reason: string | null
      changes: { field: string; from: unknown; to: unknown }[]
    }
  >()
  for (const r of rows) {
    let v = versions.get(r.version)
    if (!v) {
      v = {
        version: r.version,
        at: r.at,
        by: r.userId ? (users.get(r.userId) ?? null) : null,
        reason: r.reason,
        changes: [],
      }
      versions.set(r.version, v)
    }
    v.changes.push({ field: r.field, from: r.oldValue, to: r.newValue })
  }
  return [...versions.values()].reverse().map((v) => ({
    ...v,
    changes: v.changes.map((ch) => ({
      ...ch,
      label: FIELD_LABELS[ch.field] ?? ch.field,
      text: describeValue(ch.field, ch.to),
    })),
  }))
}

const FIELD_LABELS: Record<string, string> = {
  decidedOn: 'Date of the decision',
  chosenOption: 'The plan',
  rationale: 'Why this plan',
  options: 'Options considered',
  periodOfCareId: 'Period of care',
  personId: 'Child',
}

function describeValue(field: string, value: unknown): string {
  if (value === null || value === undefined) return ''
  if (field === 'decidedOn') return longDate(String(value))
  if (field === 'chosenOption') return PERMANENCE_OPTION_LABELS[value as PermanenceOptionKey] ?? String(value)
  if (field === 'options' && Array.isArray(value))
    return value
      .filter((o: { considered: boolean }) => o.considered)
      .map((o: { option: PermanenceOptionKey }) => PERMANENCE_OPTION_LABELS[o.option] ?? o.option)
      .join('; ')
  return String(value)
}

async function userNames(db: DbOrTx, ids: (number | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))]
  if (wanted.length === 0) return new Map<number, string>()
  const rows = await db
    .select({ id: userAccount.id, name: userAccount.displayName })
    .from(userAccount)
    .where(inArray(userAccount.id, wanted))
  return new Map(rows.map((r) => [r.id, r.name]))
}

// ——— Previous permanence (SSDA903 PrevPerm) ———

export interface PreviousPermanenceInput {
  /** 903 PREV_PERM: P1 adoption, P2 SGO, P3 residence or child arrangements order, P4 unknown, Z1 none. */
  previousPermanence: string
  /** 903 LA_PERM: the English LA's three-digit code, or WAL, SCO, NUK, NIR. */
  previousPermanenceLa?: string | null
  /** 903 DATE_PERM. */
  previousPermanenceOn?: string | null
}

/**
 * Records whether the child had a permanent home through adoption, special guardianship or a child
 * arrangements order before coming into care (903 PrevPerm), against the person's version.
 */
export async function recordPreviousPermanence(
  db: Db,
  actor: Actor,
  personId: number,
  expectedVersion: number,
  raw: PreviousPermanenceInput,
) {
  const c = new Checker()
  const code = clean(raw.previousPermanence)
  const la = clean(raw.previousPermanenceLa)?.toUpperCase() ?? null
  if (!isSsda903Code('PREV_PERM', code))
    c.add('previousPermanence', 'Choose whether the child had a previous permanent home')
  const on = checkDate(c, 'previousPermanenceOn', 'the date of the order', raw.previousPermanenceOn)
  if (code === 'Z1' || code === 'P4') {
    // 903 rule 635: no order date or authority when there was no previous order (or it is not known).
    c.check(
      la === null,
      'previousPermanenceLa',
      'Leave the local authority empty: there was no previous order',
    )
    c.check(
      !raw.previousPermanenceOn,
      'previousPermanenceOn',
      'Leave the date empty: there was no previous order',
    )
  } else if (la !== null) {
    c.check(
      /^\d{3}$/.test(la) || isSsda903Code('LA_PERM', la),
      'previousPermanenceLa',
      'Enter the three-digit code of the English local authority, or WAL, SCO, NIR or NUK',
    )
  }
  c.throwIfAny()
  const child = await childOf(db, personId)
  if (on && child.dateOfBirth && on < child.dateOfBirth)
    throw new ValidationError({ previousPermanenceOn: 'The order cannot be before the child was born' })
  return db.transaction(async (tx) => {
    if (child.version !== expectedVersion)
      throw new ConflictError(
        "Someone else changed the child's details while you were editing them.",
        await changesSince(tx, 'person', personId, expectedVersion),
      )
    const after = { previousPermanence: code, previousPermanenceLa: la, previousPermanenceOn: on }
    const changes = diffFields(
      {
        previousPermanence: child.previousPermanence,
        previousPermanenceLa: child.previousPermanenceLa,
        previousPermanenceOn: child.previousPermanenceOn,
      },
      after,
    )
    if (changes.length === 0) return child.version
    const version = child.version + 1
    const updated = await tx
      .update(person)
      .set({ ...after, version })
      .where(and(eq(person.id, personId), eq(person.version, expectedVersion)))
      .returning({ id: person.id })
    if (updated.length === 0)
      throw new ConflictError("Someone else changed the child's details while you were editing them.", [])
    await recordChanges(tx, actor, { entityType: 'person', entityId: personId, personId, version, changes })
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'person',
      subjectId: personId,
      personId,
      detail: { fields: changes.map((ch) => ch.field) },
    })
    return version
  })
}

// ——— Brothers and sisters: together or apart ———

export interface SiblingAssessmentInput {
  siblingPersonId: number | null
  assessedOn: string
  outcome: string
  rationale: string
}

/** Records whether the child should live with a brother or sister, and why. */
export async function recordSiblingAssessment(
  db: Db,
  actor: Actor,
  personId: number,
  input: SiblingAssessmentInput,
  user?: CurrentUser,
) {
  const c = new Checker()
  const assessedOn = checkDate(c, 'assessedOn', 'the date of the assessment', input.assessedOn, {
    required: true,
  })
  c.check(input.outcome === 'together' || input.outcome === 'apart', 'outcome', 'Choose together or apart')
  const rationale = clean(input.rationale)
  c.check(rationale !== null, 'rationale', 'Explain why, including what the children want')
  const siblings = await siblingsOf(db, personId, user)
  if (input.siblingPersonId === null) c.add('siblingPersonId', 'Choose the brother or sister')
  else
    c.check(
      siblings.some((s) => s.personId === input.siblingPersonId && s.givenName !== null),
      'siblingPersonId',
      'Choose a brother or sister from the list: record them in the family and network first',
    )
  c.throwIfAny()
  const row = {
    personId,
    siblingPersonId: input.siblingPersonId!,
    assessedOn: assessedOn!,
    outcome: input.outcome as 'together' | 'apart',
    rationale: rationale!,
  }
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(siblingAssessment).values(row).returning({ id: siblingAssessment.id })
    const id = created!.id
    await recordChanges(tx, actor, {
      entityType: 'sibling-assessment',
      entityId: id,
      personId,
      version: 1,
      changes: diffFields(null, row),
    })
    await logAccess(tx, actor, {
      action: 'create',
      subjectType: 'sibling-assessment',
      subjectId: id,
      personId,
    })
    return id
  })
}

// ——— Family and friends assessed as carers ———

export const CARER_ASSESSMENT_KINDS = ['connected-person', 'special-guardianship'] as const
export type CarerAssessmentKind = (typeof CARER_ASSESSMENT_KINDS)[number]
export const CARER_ASSESSMENT_KIND_LABELS: Record<string, string> = {
  'connected-person': 'Connected person (family and friends foster carer)',
  'special-guardianship': 'Special guardian',
  fostering: 'Foster carer',
  adoption: 'Adopter',
}
export const CARER_OUTCOMES = ['positive', 'negative', 'withdrawn'] as const
export type CarerOutcome = (typeof CARER_OUTCOMES)[number]
export const CARER_OUTCOME_LABELS: Record<CarerOutcome, string> = {
  positive: 'Positive: recommended',
  negative: 'Negative: not recommended',
  withdrawn: 'Withdrawn before it was finished',
}

/** Regulation 24 temporary approval: 16 weeks, and one extension of up to 8 weeks (regulation 25). */
export const TEMPORARY_APPROVAL_WEEKS = 16
export const TEMPORARY_APPROVAL_EXTENSION_WEEKS = 8

/** The deadlines of a regulation 24 temporary approval, worked out from its date (and any extension). */
export function temporaryApprovalDeadlines(
  approvedOn: IsoDate,
  extendedTo: IsoDate | null,
  on: IsoDate = today(),
) {
  const expiresOn = addCalendarDays(approvedOn, TEMPORARY_APPROVAL_WEEKS * 7)
  const latestExtension = addCalendarDays(expiresOn, TEMPORARY_APPROVAL_EXTENSION_WEEKS * 7)
  const endsOn = extendedTo ?? expiresOn
  return { expiresOn, latestExtension, endsOn, extended: extendedTo !== null, expired: endsOn < on }
}

export interface NewCarerInput {
  givenName: string
  familyName: string
  dateOfBirth?: string | null
  sex?: string | null
}

export interface CarerAssessmentInput {
  /** Someone already in the child's family and network; or `newCarer` to add them. */
  carerPersonId?: number | null
  newCarer?: NewCarerInput | null
  kind: string
  startedOn: string
  temporaryApprovalOn?: string | null
}

/** The people who could be assessed as the child's carers: the child's current network, named. */
export async function carerChoices(db: DbOrTx, personId: number, user?: CurrentUser) {
  const [related, assessed] = await Promise.all([
    relationshipsOf(db, personId, user),
    db
      .select({ personId: person.id, givenName: person.givenName, familyName: person.familyName })
      .from(carerAssessment)
      .innerJoin(person, eq(person.id, carerAssessment.carerPersonId))
      .where(eq(carerAssessment.childPersonId, personId)),
  ])
  const choices = new Map<number, { personId: number; name: string; relationship: string | null }>()
  for (const r of related)
    if (r.current && r.givenName !== null && r.type !== 'child')
      choices.set(r.personId, {
        personId: r.personId,
        name: `${r.givenName} ${r.familyName}`,
        relationship: r.label,
      })
  for (const a of assessed)
    if (!choices.has(a.personId))
      choices.set(a.personId, {
        personId: a.personId,
        name: `${a.givenName} ${a.familyName}`,
        relationship: null,
      })
  return [...choices.values()]
}

/** Adds a carer to Hearth as a person (checked like any person), in the caller's transaction. */
export async function addCarerPerson(tx: DbOrTx, actor: Actor, raw: NewCarerInput, field = 'newCarer') {
  let input: ReturnType<typeof checkPersonInput>
  try {
    input = checkPersonInput({
      givenName: raw.givenName,
      familyName: raw.familyName,
      dateOfBirth: raw.dateOfBirth ?? null,
      sex: raw.sex ?? null,
    })
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    // An adult's date of birth may not be known: only a name is needed for a carer.
    const fields = Object.fromEntries(
      Object.entries(error.fields)
        .filter(([k]) => !(k === 'dateOfBirth' && !raw.dateOfBirth))
        .map(([k, v]) => [`${field}.${k}`, v]),
    )
    if (Object.keys(fields).length > 0) throw new ValidationError(fields)
    input = {
      givenName: raw.givenName.trim(),
      familyName: raw.familyName.trim(),
      dateOfBirth: null,
      sex: clean(raw.sex),
    }
  }
  const values = {
    givenName: input.givenName,
    familyName: input.familyName,
    dateOfBirth: input.dateOfBirth ?? null,
    sex: input.sex ?? null,
  }
  const [created] = await tx.insert(person).values(values).returning({ id: person.id })
  const id = created!.id
  await recordChanges(tx, actor, {
    entityType: 'person',
    entityId: id,
    personId: id,
    version: 1,
    changes: diffFields(null, values),
  })
  await logAccess(tx, actor, {
    action: 'create',
    subjectType: 'person',
    subjectId: id,
    personId: id,
    detail: { as: 'carer' },
  })
  return id
}

/** Starts assessing a family member or friend as the child's carer (connected person or special guardian). */
export async function startCarerAssessment(
  db: Db,
  actor: Actor,
  personId: number,
  input: CarerAssessmentInput,
  user?: CurrentUser,
) {
  const c = new Checker()
  const kind = clean(input.kind)
  c.check(
    (CARER_ASSESSMENT_KINDS as readonly string[]).includes(kind ?? ''),
    'kind',
    'Choose what they are being assessed as',
  )
  const startedOn = checkDate(c, 'startedOn', 'the date the assessment started', input.startedOn, {
    required: true,
  })
  const approvalOn = checkDate(
    c,
    'temporaryApprovalOn',
    'the date of temporary approval',
    input.temporaryApprovalOn,
  )
  if (approvalOn && kind !== 'connected-person')
    c.add(
      'temporaryApprovalOn',
      'Temporary approval (regulation 24) is only for connected person foster carers',
    )
  const newCarer =
    input.newCarer && (clean(input.newCarer.givenName) || clean(input.newCarer.familyName))
      ? input.newCarer
      : null
  if (!input.carerPersonId && !newCarer) c.add('carerPersonId', 'Choose who is being assessed, or add them')
  if (input.carerPersonId && newCarer)
    c.add('carerPersonId', 'Choose someone from the list or add someone new, not both')
  if (input.carerPersonId) {
    const choices = await carerChoices(db, personId, user)
    c.check(
      choices.some((ch) => ch.personId === input.carerPersonId),
      'carerPersonId',
      "Choose someone from the child's family and network",
    )
  }
  c.throwIfAny()
  return db.transaction(async (tx) => {
    const carerPersonId = input.carerPersonId ?? (await addCarerPerson(tx, actor, newCarer!))
    const row = {
      childPersonId: personId,
      carerPersonId,
      kind: kind as CarerAssessmentKind,
      startedOn: startedOn!,
      temporaryApprovalOn: approvalOn,
    }
    const [created] = await tx.insert(carerAssessment).values(row).returning({ id: carerAssessment.id })
    const id = created!.id
    await recordChanges(tx, actor, {
      entityType: 'carer-assessment',
      entityId: id,
      personId,
      version: 1,
      changes: diffFields(null, row),
    })
    await logAccess(tx, actor, { action: 'create', subjectType: 'carer-assessment', subjectId: id, personId })
    return id
  })
}

export interface CarerAssessmentUpdate {
  completedOn?: string | null
  outcome?: string | null
  temporaryApprovalOn?: string | null
  temporaryApprovalExtendedTo?: string | null
}

async function loadCarerAssessment(db: DbOrTx, personId: number, assessmentId: number) {
  const [found] = await db
    .select()
    .from(carerAssessment)
    .where(and(eq(carerAssessment.id, assessmentId), eq(carerAssessment.childPersonId, personId)))
  if (!found) throw new NotFoundError(`No carer assessment ${assessmentId} for ${personId}`)
  return found
}

/**
 * Records temporary approval, its one extension, and the assessment's completion and outcome, against
 * the version the user started from.
 */
export async function updateCarerAssessment(
  db: Db,
  actor: Actor,
  personId: number,
  assessmentId: number,
  expectedVersion: number,
  input: CarerAssessmentUpdate,
) {
  return db.transaction(async (tx) => {
    const current = await loadCarerAssessment(tx, personId, assessmentId)
    if (current.version !== expectedVersion)
      throw new ConflictError(
        'Someone else changed this assessment while you were editing it.',
        await changesSince(tx, 'carer-assessment', assessmentId, expectedVersion),
      )
    const c = new Checker()
    const completedOn = checkDate(
      c,
      'completedOn',
      'the date the assessment was completed',
      input.completedOn,
    )
    const outcome = clean(input.outcome)
    const approvalOn = checkDate(
      c,
      'temporaryApprovalOn',
      'the date of temporary approval',
      input.temporaryApprovalOn,
    )
    const extendedTo = checkDate(
      c,
      'temporaryApprovalExtendedTo',
      'the date the extension ends',
      input.temporaryApprovalExtendedTo,
      { allowFuture: true },
    )
    c.check(
      outcome === null || (CARER_OUTCOMES as readonly string[]).includes(outcome),
      'outcome',
      'Choose the outcome from the list',
    )
    if (completedOn && completedOn < current.startedOn)
      c.add(
        'completedOn',
        `The assessment cannot be completed before it started (${longDate(current.startedOn)})`,
      )
    if (completedOn && outcome === null) c.add('outcome', 'Choose the outcome of the assessment')
    if (outcome && !completedOn && !c.errors.completedOn)
      c.add('completedOn', 'Enter the date the assessment was completed')
    if (approvalOn && current.kind !== 'connected-person')
      c.add(
        'temporaryApprovalOn',
        'Temporary approval (regulation 24) is only for connected person foster carers',
      )
    if (extendedTo) {
      if (!approvalOn)
        c.add('temporaryApprovalExtendedTo', 'An extension needs the date of temporary approval')
      else {
        const d = temporaryApprovalDeadlines(approvalOn, null)
        if (extendedTo <= d.expiresOn)
          c.add(
            'temporaryApprovalExtendedTo',
            `An extension must end after the approval expires on ${longDate(d.expiresOn)}`,
          )
        else if (extendedTo > d.latestExtension)
          c.add(
            'temporaryApprovalExtendedTo',
            `An extension can be for up to 8 weeks: it must end on or before ${longDate(d.latestExtension)}`,
          )
      }
    }
    // Only one extension: once recorded, it can be corrected but not moved beyond 8 weeks (checked above).
    c.throwIfAny()
    const after = {
      completedOn,
      outcome: outcome as CarerOutcome | null,
      temporaryApprovalOn: approvalOn,
      temporaryApprovalExtendedTo: extendedTo,
    }
    const changes = diffFields(
      {
        completedOn: current.completedOn,
        outcome: current.outcome,
        temporaryApprovalOn: current.temporaryApprovalOn,
        temporaryApprovalExtendedTo: current.temporaryApprovalExtendedTo,
      },
      after,
    )
    if (changes.length === 0) return current.version
    const version = current.version + 1
    const updated = await tx
      .update(carerAssessment)
      .set({ ...after, version })
      .where(and(eq(carerAssessment.id, assessmentId), eq(carerAssessment.version, expectedVersion)))
      .returning({ id: carerAssessment.id })
    if (updated.length === 0)
      throw new ConflictError('Someone else changed this assessment while you were editing it.', [])
    await recordChanges(tx, actor, {
      entityType: 'carer-assessment',
      entityId: assessmentId,
      personId,
      version,
      changes,
    })
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'carer-assessment',
      subjectId: assessmentId,
      personId,
      detail: { fields: changes.map((ch) => ch.field) },
    })
    return version
  })
}

export async function getCarerAssessment(db: DbOrTx, personId: number, assessmentId: number) {
  const found = await loadCarerAssessment(db, personId, assessmentId)
  const [carer] = await db
    .select({ givenName: person.givenName, familyName: person.familyName })
    .from(person)
    .where(eq(person.id, found.carerPersonId))
  return { ...found, carerName: carer ? `${carer.givenName} ${carer.familyName}` : '' }
}

// ——— Special guardianship orders ———

export interface SpecialGuardianshipOrderInput {
  guardianPersonId: number | null
  madeOn: string
}

export async function recordSpecialGuardianshipOrder(
  db: Db,
  actor: Actor,
  personId: number,
  input: SpecialGuardianshipOrderInput,
  user?: CurrentUser,
) {
  const c = new Checker()
  const madeOn = checkDate(c, 'madeOn', 'the date the order was made', input.madeOn, { required: true })
  if (input.guardianPersonId === null) c.add('guardianPersonId', 'Choose the special guardian')
  else {
    const choices = await carerChoices(db, personId, user)
    c.check(
      choices.some((ch) => ch.personId === input.guardianPersonId),
      'guardianPersonId',
      "Choose the special guardian from the child's family and network or the carers assessed",
    )
  }
  c.throwIfAny()
  const child = await childOf(db, personId)
  if (child.dateOfBirth && madeOn! < child.dateOfBirth)
    throw new ValidationError({ madeOn: 'The order cannot be before the child was born' })
  const row = { personId, guardianPersonId: input.guardianPersonId!, madeOn: madeOn! }
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(specialGuardianshipOrder)
      .values(row)
      .returning({ id: specialGuardianshipOrder.id })
    const id = created!.id
    await recordChanges(tx, actor, {
      entityType: 'special-guardianship-order',
      entityId: id,
      personId,
      version: 1,
      changes: diffFields(null, row),
    })
    await logAccess(tx, actor, {
      action: 'create',
      subjectType: 'special-guardianship-order',
      subjectId: id,
      personId,
    })
    return id
  })
}

// ——— Direct work: life-story work and later-life letters ———

export const DIRECT_WORK_KINDS = ['life-story-work', 'later-life-letter', 'identity-work', 'other'] as const
export type DirectWorkKind = (typeof DIRECT_WORK_KINDS)[number]
export const DIRECT_WORK_LABELS: Record<DirectWorkKind, string> = {
  'life-story-work': 'Life-story work',
  'later-life-letter': 'Later-life letter',
  'identity-work': 'Work on identity and history',
  other: 'Other direct work',
}

export interface DirectWorkInput {
  kind: string
  plannedBy: string
  notes?: string | null
}

/** Plans direct work with the child, to be done by a date. */
export async function planDirectWork(db: Db, actor: Actor, personId: number, input: DirectWorkInput) {
  const c = new Checker()
  c.check((DIRECT_WORK_KINDS as readonly string[]).includes(input.kind), 'kind', 'Choose the kind of work')
  const plannedBy = checkDate(c, 'plannedBy', 'the date it is to be done by', input.plannedBy, {
    required: true,
    allowFuture: true,
  })
  c.throwIfAny()
  await childOf(db, personId)
  const row = {
    personId,
    kind: input.kind as DirectWorkKind,
    plannedBy: plannedBy!,
    notes: clean(input.notes),
  }
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(directWork).values(row).returning({ id: directWork.id })
    const id = created!.id
    await recordChanges(tx, actor, {
      entityType: 'direct-work',
      entityId: id,
      personId,
      version: 1,
      changes: diffFields(null, row),
    })
    await logAccess(tx, actor, { action: 'create', subjectType: 'direct-work', subjectId: id, personId })
    return id
  })
}

/** Records that planned direct work was done. Refused if someone recorded it first. */
export async function completeDirectWork(
  db: Db,
  actor: Actor,
  personId: number,
  workId: number,
  input: { completedOn: string; notes?: string | null },
) {
  const c = new Checker()
  const completedOn = checkDate(c, 'completedOn', 'the date it was done', input.completedOn, {
    required: true,
  })
  c.throwIfAny()
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select()
      .from(directWork)
      .where(and(eq(directWork.id, workId), eq(directWork.personId, personId)))
      .for('update')
    if (!found) throw new NotFoundError(`No direct work ${workId} for ${personId}`)
    if (found.completedOn)
      throw new ConflictError('This work has already been recorded as done.', [
        { field: 'completedOn', theirValue: found.completedOn, by: null, at: new Date() },
      ])
    const notes = clean(input.notes)
      ? [found.notes, clean(input.notes)].filter(Boolean).join('\n\n')
      : found.notes
    await tx.update(directWork).set({ completedOn, notes }).where(eq(directWork.id, workId))
    await recordChanges(tx, actor, {
      entityType: 'direct-work',
      entityId: workId,
      personId,
      version: 2,
      changes: diffFields({ completedOn: null, notes: found.notes }, { completedOn, notes }),
    })
    await logAccess(tx, actor, { action: 'change', subjectType: 'direct-work', subjectId: workId, personId })
  })
}

export async function listDirectWork(db: DbOrTx, personId: number, on = today()) {
  const rows = await db
    .select()
    .from(directWork)
    .where(eq(directWork.personId, personId))
    .orderBy(sql`${directWork.completedOn} is not null`, asc(directWork.plannedBy), asc(directWork.id))
  return rows.map((w) => ({
    ...w,
    label: DIRECT_WORK_LABELS[w.kind],
    overdue: w.completedOn === null && w.plannedBy < on,
  }))
}

// ——— The permanence page ———

/** Everything the permanence page shows, derived as at a date. */
export async function permanenceRecord(db: DbOrTx, personId: number, user?: CurrentUser, on = today()) {
  const child = await childOf(db, personId)
  const [due, plans, siblings, siblingRows, carers, orders, work] = await Promise.all([
    permanencePlanDue(db, personId),
    db
      .select({ id: permanencePlan.id })
      .from(permanencePlan)
      .where(eq(permanencePlan.personId, personId))
      .orderBy(desc(permanencePlan.decidedOn), desc(permanencePlan.id)),
    siblingsOf(db, personId, user),
    db
      .select()
      .from(siblingAssessment)
      .where(eq(siblingAssessment.personId, personId))
      .orderBy(desc(siblingAssessment.assessedOn), desc(siblingAssessment.id)),
    db
      .select({ a: carerAssessment, givenName: person.givenName, familyName: person.familyName })
      .from(carerAssessment)
      .innerJoin(person, eq(person.id, carerAssessment.carerPersonId))
      .where(eq(carerAssessment.childPersonId, personId))
      .orderBy(desc(carerAssessment.startedOn), desc(carerAssessment.id)),
    db
      .select({ o: specialGuardianshipOrder, givenName: person.givenName, familyName: person.familyName })
      .from(specialGuardianshipOrder)
      .leftJoin(person, eq(person.id, specialGuardianshipOrder.guardianPersonId))
      .where(eq(specialGuardianshipOrder.personId, personId))
      .orderBy(desc(specialGuardianshipOrder.madeOn)),
    listDirectWork(db, personId, on),
  ])
  const allPlans = await Promise.all(plans.map((p) => getPermanencePlan(db, personId, p.id)))
  const current = due
    ? (allPlans.find((p) => p.periodOfCareId === due.periodOfCareId) ?? null)
    : (allPlans[0] ?? null)
  const siblingName = new Map(
    siblings.map((s) => [s.personId, s.givenName ? `${s.givenName} ${s.familyName}` : 'A brother or sister']),
  )
  return {
    child,
    previousPermanence: {
      code: child.previousPermanence,
      label: ssda903Label('PREV_PERM', child.previousPermanence).split(' P4 should')[0],
      la: child.previousPermanenceLa,
      laLabel: child.previousPermanenceLa ? ssda903Label('LA_PERM', child.previousPermanenceLa) : null,
      on: child.previousPermanenceOn,
    },
    due: due
      ? { ...due, overdue: !current && due.dueBy < on, late: current ? current.decidedOn > due.dueBy : false }
      : null,
    plan: current,
    earlierPlans: allPlans.filter((p) => p !== current),
    siblings,
    siblingAssessments: siblingRows.map((s) => ({
      ...s,
      siblingName: siblingName.get(s.siblingPersonId) ?? 'A brother or sister',
      outcomeLabel: s.outcome === 'together' ? 'Live together' : 'Live apart',
    })),
    carerAssessments: carers.map(({ a, givenName, familyName }) => ({
      ...a,
      carerName: `${givenName} ${familyName}`,
      kindLabel: CARER_ASSESSMENT_KIND_LABELS[a.kind] ?? a.kind,
      outcomeLabel: a.outcome ? CARER_OUTCOME_LABELS[a.outcome] : null,
      temporaryApproval: a.temporaryApprovalOn
        ? temporaryApprovalDeadlines(a.temporaryApprovalOn, a.temporaryApprovalExtendedTo, on)
        : null,
    })),
    specialGuardianshipOrders: orders.map(({ o, givenName, familyName }) => ({
      ...o,
      guardianName: givenName ? `${givenName} ${familyName}` : null,
    })),
    directWork: work,
  }
}
