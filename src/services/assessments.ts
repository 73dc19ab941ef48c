import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { logAccess } from '../audit/access-log.ts'
import { diffFields, recordChanges } from '../audit/change-history.ts'
import type { Actor } from '../auth/current-user.ts'
import type { Db, DbOrTx } from '../db/client.ts'
import { assessment, assessmentFactor, referral, userAccount } from '../db/schema/index.ts'
import { addWorkingDays, workingDaysBetween } from '../domain/calendar/working-days.ts'
import { cinLabel, isCinCode } from '../domain/codes/codes.ts'
import { checkDate, longDate, today } from './dates.ts'
import { Checker, ConflictError, NotFoundError, ValidationError } from './errors.ts'
import { changesSince } from './people.ts'

// Single child and family assessments on a referral: drafted and edited by the worker (versioned, with
// conflict detection), completed by the worker, then authorised by a manager. The timescale is 45 working
// days from the referral; going beyond it needs a recorded reason and a manager's agreement. Status is
// derived from the dates, never stored.

export const ASSESSMENT_TIMESCALE = 45

export const ASSESSMENT_OUTCOMES = [
  'no-further-action',
  'early-help',
  'cin-plan',
  'strategy-discussion',
  'looked-after',
  'other',
] as const
export type AssessmentOutcome = (typeof ASSESSMENT_OUTCOMES)[number]

export const ASSESSMENT_OUTCOME_LABELS: Record<AssessmentOutcome, string> = {
  'no-further-action': 'No further action',
  'early-help': 'Step down to early help',
  'cin-plan': 'Child in need plan',
  'strategy-discussion': 'Strategy discussion (concerns of significant harm)',
  'looked-after': 'Child to become looked after',
  other: 'Other',
}

/**
 * Factor codes the DfE has withdrawn though the code list still carries them (queries 8945Q and 8950Q):
 * refused for new entries, with what to use instead.
 */
export const WITHDRAWN_FACTORS: Readonly<Record<string, string>> = {
  '18A': '18A is no longer used: choose 18B (physical abuse by another child) or 18C (by an adult)',
  '19A': '19A is no longer used: choose 19B (sexual abuse by another child) or 19C (by an adult)',
}

/** True for a factor code that may be recorded now. */
export const isCurrentFactor = (code: string) =>
  isCinCode('AssessmentFactors', code) && WITHDRAWN_FACTORS[code] === undefined

/** The factor meaning "no factors identified": it cannot be combined with any other (CIN census 8869). */
export const NO_FACTORS_CODE = '21'

export type AssessmentState = 'in-progress' | 'completed' | 'authorised'

export const ASSESSMENT_STATE_LABELS: Record<AssessmentState, string> = {
  'in-progress': 'In progress',
  completed: 'Completed, awaiting authorisation',
  authorised: 'Authorised',
}

export interface AssessmentInput {
  startDate: string
  factors: string[]
  livedExperience?: string | null
  identityAndCulture?: string | null
  childsViews?: string | null
  parentalCapacity?: string | null
  historyAndRisks?: string | null
  strengths?: string | null
  analysis?: string | null
  outcome?: string | null
  nextSteps?: string | null
  extensionReason?: string | null
}

const NARRATIVE = [
  'livedExperience',
  'identityAndCulture',
  'childsViews',
  'parentalCapacity',
  'historyAndRisks',
  'strengths',
  'analysis',
  'nextSteps',
  'extensionReason',
] as const

/** What must be written before the worker can complete the assessment, and what to say if it is not. */
const NEEDED_TO_COMPLETE: [keyof AssessmentInput, string][] = [
  ['livedExperience', "Describe the child's lived experience"],
  ['childsViews', "Record the child's own views, or why they could not be gathered"],
  ['parentalCapacity', 'Describe parental capacity'],
  ['analysis', 'Write the analysis'],
  ['outcome', 'Choose the outcome of the assessment'],
  ['nextSteps', 'Say what happens next'],
]

const blank = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null)

interface CheckedInput {
  startDate: string
  factors: string[]
  livedExperience: string | null
  identityAndCulture: string | null
  childsViews: string | null
  parentalCapacity: string | null
  historyAndRisks: string | null
  strengths: string | null
  analysis: string | null
  outcome: AssessmentOutcome | null
  nextSteps: string | null
  extensionReason: string | null
}

type ReferralRow = typeof referral.$inferSelect
type AssessmentRow = typeof assessment.$inferSelect

/** Checks an assessment draft against its referral; throws a ValidationError listing every problem. */
function checkAssessmentInput(
  input: AssessmentInput,
  ref: ReferralRow,
  others: Pick<AssessmentRow, 'authorisedOn'>[],
  c = new Checker(),
): CheckedInput {
  const startDate = checkDate(c, 'startDate', 'the date the assessment started', input.startDate, {
    required: true,
  })
  if (startDate && startDate < ref.referralDate)
    c.add('startDate', `The assessment cannot start before the referral on ${longDate(ref.referralDate)}`)
  if (startDate && !c.errors.startDate) {
    // One open assessment per referral (CIN census 8896); a re-assessment starts after the previous one
    // was authorised, never overlapping it (8863Q).
    const open = others.find((o) => o.authorisedOn === null)
    const latest = others
      .map((o) => o.authorisedOn)
      .filter((d): d is string => d !== null)
      .sort()
      .pop()
    if (open) c.add('startDate', 'Another assessment on this referral is still open: finish it first')
    else if (latest && startDate <= latest)
      c.add(
        'startDate',
        `A new assessment must start after the previous one was authorised on ${longDate(latest)}`,
      )
  }
  const factors = [...new Set(input.factors.map((f) => f.trim()).filter(Boolean))].sort(compareFactors)
  const withdrawn = factors.find((f) => WITHDRAWN_FACTORS[f] !== undefined)
  const unknown = factors.filter((f) => !isCinCode('AssessmentFactors', f))
  if (withdrawn) c.add('factors', WITHDRAWN_FACTORS[withdrawn]!)
  else if (unknown.length > 0)
    c.add(
      'factors',
      `Choose factors from the list: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not a current DfE factor code' : 'are not current DfE factor codes'}`,
    )
  else if (factors.includes(NO_FACTORS_CODE) && factors.length > 1)
    c.add('factors', '“21 – No factors identified” cannot be chosen with other factors')
  const outcome = blank(input.outcome)
  c.check(
    outcome === null || (ASSESSMENT_OUTCOMES as readonly string[]).includes(outcome),
    'outcome',
    'Choose an outcome from the list',
  )
  c.throwIfAny()
  const narrative = Object.fromEntries(NARRATIVE.map((k) => [k, blank(input[k])])) as Pick<
    CheckedInput,
    (typeof NARRATIVE)[number]
  >
  return { startDate: startDate!, factors, ...narrative, outcome: outcome as AssessmentOutcome | null }
}

/** Factor codes in the DfE order: 1A, 1B… 9A, 10A… */
function compareFactors(a: string, b: string): number {
  return parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b)
}

export { longDate }

async function openReferralOf(db: DbOrTx, personId: number, referralId: number, c: Checker) {
  const [ref] = await db
    .select()
    .from(referral)
    .where(and(eq(referral.id, referralId), eq(referral.personId, personId)))
  if (!ref) {
    c.add('referralId', 'Choose a referral of this child')
    return null
  }
  if (ref.closureDate) {
    c.add(
      'referralId',
      `This referral was closed on ${longDate(ref.closureDate)}: an assessment needs an open referral`,
    )
    return null
  }
  if (ref.noFurtherAction) {
    c.add('referralId', 'This referral ended with no further action, so it cannot be assessed')
    return null
  }
  return ref
}

/** Starts a new assessment (first, or a re-assessment when circumstances change) on an open referral. */
export async function createAssessment(
  db: Db,
  actor: Actor,
  personId: number,
  referralId: number,
  raw: AssessmentInput,
): Promise<number> {
  return db.transaction(async (tx) => {
    const c = new Checker()
    const ref = await openReferralOf(tx, personId, referralId, c)
    if (!ref) {
      checkDate(c, 'startDate', 'the date the assessment started', raw.startDate, { required: true })
      throw new ValidationError(c.errors)
    }
    const others = await tx
      .select({ startDate: assessment.startDate, authorisedOn: assessment.authorisedOn })
      .from(assessment)
      .where(eq(assessment.referralId, referralId))
    const input = checkAssessmentInput(raw, ref, others, c)
    const { factors, ...fields } = input
    const [created] = await tx
      .insert(assessment)
      .values({ ...fields, referralId, personId })
      .returning({ id: assessment.id })
    const id = created!.id
    if (factors.length > 0)
      await tx.insert(assessmentFactor).values(factors.map((code) => ({ assessmentId: id, code })))
    await recordChanges(tx, actor, {
      entityType: 'assessment',
      entityId: id,
      personId,
      version: 1,
      changes: diffFields(null, { referralId, ...fields, factors }),
    })
    await logAccess(tx, actor, { action: 'create', subjectType: 'assessment', subjectId: id, personId })
    return id
  })
}

async function loadForChange(tx: DbOrTx, personId: number, assessmentId: number, expectedVersion: number) {
  const [row] = await tx
    .select()
    .from(assessment)
    .where(and(eq(assessment.id, assessmentId), eq(assessment.personId, personId)))
  if (!row) throw new NotFoundError(`No assessment ${assessmentId} for person ${personId}`)
  if (row.version !== expectedVersion)
    throw new ConflictError(
      'Someone else changed this assessment while you were working on it.',
      await changesSince(tx, 'assessment', assessmentId, expectedVersion),
    )
  const factors = (
    await tx
      .select({ code: assessmentFactor.code })
      .from(assessmentFactor)
      .where(eq(assessmentFactor.assessmentId, assessmentId))
  )
    .map((f) => f.code)
    .sort(compareFactors)
  return { row, factors }
}

/** Writes changed fields of an assessment as the next version, with history and the access log. */
async function saveVersion(
  tx: DbOrTx,
  actor: Actor,
  current: AssessmentRow,
  beforeFactors: string[],
  set: Partial<AssessmentRow>,
  newFactors: string[] | null,
  reason?: string,
): Promise<number> {
  const before: Record<string, unknown> = Object.fromEntries(
    Object.keys(set).map((k) => [k, current[k as keyof AssessmentRow] ?? null]),
  )
  const after: Record<string, unknown> = { ...set }
  if (newFactors) {
    before.factors = beforeFactors
    after.factors = newFactors
  }
  const changes = diffFields(before, after)
  if (changes.length === 0) return current.version
  const version = current.version + 1
  const updated = await tx
    .update(assessment)
    .set({ ...set, version })
    .where(and(eq(assessment.id, current.id), eq(assessment.version, current.version)))
    .returning({ id: assessment.id })
  if (updated.length === 0)
    throw new ConflictError('Someone else changed this assessment while you were working on it.', [])
  if (newFactors && JSON.stringify(newFactors) !== JSON.stringify(beforeFactors)) {
    await tx.delete(assessmentFactor).where(eq(assessmentFactor.assessmentId, current.id))
    if (newFactors.length > 0)
      await tx.insert(assessmentFactor).values(newFactors.map((code) => ({ assessmentId: current.id, code })))
  }
  await recordChanges(tx, actor, {
    entityType: 'assessment',
    entityId: current.id,
    personId: current.personId,
    version,
    changes,
    reason: reason ?? null,
  })
  await logAccess(tx, actor, {
    action: 'change',
    subjectType: 'assessment',
    subjectId: current.id,
    personId: current.personId,
    detail: { fields: changes.map((ch) => ch.field), ...(reason ? { reason } : {}) },
  })
  return version
}

function refuse(field: string, message: string): never {
  throw new ValidationError({ [field]: message })
}

/** Saves the draft. Refused once the worker has completed it (a manager can return it for changes). */
export async function updateAssessment(
  db: Db,
  actor: Actor,
  personId: number,
  assessmentId: number,
  expectedVersion: number,
  raw: AssessmentInput,
): Promise<number> {
  return db.transaction(async (tx) => {
    const { row, factors } = await loadForChange(tx, personId, assessmentId, expectedVersion)
    if (row.completedOn)
      refuse(
        'startDate',
        'This assessment has been completed, so it can no longer be changed. A manager can return it to you for changes.',
      )
    const [ref] = await tx.select().from(referral).where(eq(referral.id, row.referralId))
    const others = (
      await tx
        .select({ id: assessment.id, startDate: assessment.startDate, authorisedOn: assessment.authorisedOn })
        .from(assessment)
        .where(eq(assessment.referralId, row.referralId))
    ).filter((o) => o.id !== row.id)
    const input = checkAssessmentInput(raw, ref!, others)
    const { factors: newFactors, ...fields } = input
    return saveVersion(tx, actor, row, factors, fields, newFactors)
  })
}

/**
 * Corrects the factors of a completed or authorised assessment: the rest of it is signed off, but the
 * factors reported to the DfE must be right.
 */
export async function correctAssessmentFactors(
  db: Db,
  actor: Actor,
  personId: number,
  assessmentId: number,
  expectedVersion: number,
  rawFactors: string[],
): Promise<number> {
  return db.transaction(async (tx) => {
    const { row, factors } = await loadForChange(tx, personId, assessmentId, expectedVersion)
    const [ref] = await tx.select().from(referral).where(eq(referral.id, row.referralId))
    const checked = checkAssessmentInput({ startDate: row.startDate, factors: rawFactors }, ref!, [])
    return saveVersion(tx, actor, row, factors, {}, checked.factors, 'Factors corrected')
  })
}

/** The last day of the 45 working days from the referral, or null outside the working-day calendar. */
export function assessmentDueBy(referralDate: string): string | null {
  try {
    return addWorkingDays(referralDate, ASSESSMENT_TIMESCALE)
  } catch {
    return null
  }
}

/** Working days from the referral to `to` (the referral day is day 0). */
export function workingDaysSinceReferral(referralDate: string, to: string): number | null {
  try {
    return workingDaysBetween(referralDate, to)
  } catch {
    return null
  }
}

/** The worker marks the assessment complete: it must be written up in full first. */
export async function completeAssessment(
  db: Db,
  actor: Actor,
  personId: number,
  assessmentId: number,
  expectedVersion: number,
  completedOnRaw: string,
): Promise<number> {
  return db.transaction(async (tx) => {
    const { row, factors } = await loadForChange(tx, personId, assessmentId, expectedVersion)
    const c = new Checker()
    if (row.completedOn) refuse('completedOn', 'This assessment has already been completed')
    const completedOn = checkDate(c, 'completedOn', 'the date the assessment was completed', completedOnRaw, {
      required: true,
    })
    if (completedOn && completedOn < row.startDate)
      c.add(
        'completedOn',
        `The assessment cannot be completed before it started on ${longDate(row.startDate)}`,
      )
    for (const [field, message] of NEEDED_TO_COMPLETE)
      c.check(row[field as keyof AssessmentRow] != null, field, `${message} before completing the assessment`)
    const [ref] = await tx.select().from(referral).where(eq(referral.id, row.referralId))
    const due = assessmentDueBy(ref!.referralDate)
    if (completedOn && due && completedOn > due && !row.extensionReason)
      c.add(
        'extensionReason',
        `The assessment has gone beyond 45 working days from the referral: record why it has taken longer before completing it`,
      )
    c.throwIfAny()
    return saveVersion(tx, actor, row, factors, { completedOn }, null, 'Completed by the worker')
  })
}

export interface AuthorisationInput {
  authorisedOn: string
  /** Recorded by the manager if the worker did not record why the assessment took longer than 45 days. */
  extensionReason?: string | null
  /** The manager agrees the assessment being paced beyond 45 working days. */
  agreeExtension?: boolean
}

/** A manager authorises a completed assessment (CIN census AssessmentAuthorisationDate). */
export async function authoriseAssessment(
  db: Db,
  actor: Actor,
  personId: number,
  assessmentId: number,
  expectedVersion: number,
  input: AuthorisationInput,
): Promise<number> {
  return db.transaction(async (tx) => {
    const { row, factors } = await loadForChange(tx, personId, assessmentId, expectedVersion)
    if (row.authorisedOn) refuse('authorisedOn', 'This assessment has already been authorised')
    if (!row.completedOn)
      refuse('authorisedOn', 'The worker must complete the assessment before it can be authorised')
    const c = new Checker()
    const authorisedOn = checkDate(c, 'authorisedOn', 'the date of authorisation', input.authorisedOn, {
      required: true,
    })
    if (authorisedOn && authorisedOn < row.startDate)
      c.add(
        'authorisedOn',
        `Authorisation cannot be before the assessment started on ${longDate(row.startDate)}`,
      )
    else if (authorisedOn && authorisedOn < row.completedOn)
      c.add(
        'authorisedOn',
        `Authorisation cannot be before the worker completed the assessment on ${longDate(row.completedOn)}`,
      )
    const [ref] = await tx.select().from(referral).where(eq(referral.id, row.referralId))
    const due = assessmentDueBy(ref!.referralDate)
    const set: Partial<AssessmentRow> = { authorisedOn, authorisedBy: actor.user.id }
    if (authorisedOn && due && authorisedOn > due) {
      const reason = row.extensionReason ?? blank(input.extensionReason)
      c.check(
        reason !== null,
        'extensionReason',
        'This assessment went beyond 45 working days from the referral: record why',
      )
      c.check(
        row.extensionAgreedBy !== null || input.agreeExtension === true,
        'agreeExtension',
        'Confirm that you agree the assessment being paced beyond 45 working days',
      )
      if (!row.extensionReason) set.extensionReason = reason
      if (!row.extensionAgreedBy) set.extensionAgreedBy = actor.user.id
    }
    c.throwIfAny()
    return saveVersion(tx, actor, row, factors, set, null, 'Authorised by a manager')
  })
}

/** A manager returns a completed assessment to the worker for changes, saying why. */
export async function returnAssessment(
  db: Db,
  actor: Actor,
  personId: number,
  assessmentId: number,
  expectedVersion: number,
  reasonRaw: string,
): Promise<number> {
  return db.transaction(async (tx) => {
    const { row, factors } = await loadForChange(tx, personId, assessmentId, expectedVersion)
    if (row.authorisedOn)
      refuse('returnReason', 'An authorised assessment cannot be returned: start a new one')
    if (!row.completedOn) refuse('returnReason', 'This assessment has not been completed yet')
    const reason = blank(reasonRaw)
    if (!reason) refuse('returnReason', 'Say what needs to change')
    return saveVersion(
      tx,
      actor,
      row,
      factors,
      { completedOn: null },
      null,
      `Returned for changes: ${reason}`,
    )
  })
}

/** A manager agrees that the assessment is paced beyond 45 working days, for the reason recorded. */
export async function agreeAssessmentExtension(
  db: Db,
  actor: Actor,
  personId: number,
  assessmentId: number,
  expectedVersion: number,
): Promise<number> {
  return db.transaction(async (tx) => {
    const { row, factors } = await loadForChange(tx, personId, assessmentId, expectedVersion)
    if (row.authorisedOn) refuse('agreeExtension', 'This assessment has already been authorised')
    if (!row.extensionReason)
      refuse(
        'agreeExtension',
        'The worker must record why the assessment needs longer before you can agree it',
      )
    if (row.extensionAgreedBy) refuse('agreeExtension', 'The extension has already been agreed')
    return saveVersion(
      tx,
      actor,
      row,
      factors,
      { extensionAgreedBy: actor.user.id },
      null,
      'Extension beyond 45 working days agreed',
    )
  })
}

export function assessmentState(a: Pick<AssessmentRow, 'completedOn' | 'authorisedOn'>): AssessmentState {
  if (a.authorisedOn) return 'authorised'
  if (a.completedOn) return 'completed'
  return 'in-progress'
}

export interface CensusWarning {
  code: string
  text: string
}

/**
 * What the CIN census would query or refuse about this assessment, told at the point of entry so it can be
 * put right now rather than at return time. Warnings never stop a draft being saved.
 */
export function assessmentWarnings(
  a: Pick<AssessmentRow, 'completedOn' | 'authorisedOn' | 'extensionReason' | 'extensionAgreedBy'>,
  factors: readonly string[],
  workingDays: number | null,
): CensusWarning[] {
  const warnings: CensusWarning[] = []
  if (a.authorisedOn && factors.length === 0)
    warnings.push({
      code: '8897Q',
      text: 'This assessment is authorised but no factors are recorded, so the CIN census will query it. Record the factors identified, or “21 – No factors identified”.',
    })
  if (!a.authorisedOn && factors.length > 0)
    warnings.push({
      code: '8614',
      text: 'The CIN census reports factors only for an authorised assessment: these factors will be reported once a manager authorises it.',
    })
  if (!a.authorisedOn && workingDays !== null && workingDays > ASSESSMENT_TIMESCALE && !a.extensionAgreedBy)
    warnings.push({
      code: '8670Q',
      text: a.extensionReason
        ? `This assessment is at working day ${workingDays} since the referral, beyond 45. A manager needs to agree the reason recorded for the extension.`
        : `This assessment is at working day ${workingDays} since the referral, beyond 45. Record why it is being paced this way, and ask a manager to agree.`,
    })
  return warnings
}

const authoriser = alias(userAccount, 'authoriser')
const extensionAgreer = alias(userAccount, 'extension_agreer')

/** One assessment, whole, with what the page shows about it: status, working days, warnings. */
export async function getAssessment(db: DbOrTx, personId: number, assessmentId: number, asAt = today()) {
  const [row] = await db
    .select({
      a: assessment,
      referralDate: referral.referralDate,
      referralClosed: referral.closureDate,
      authorisedByName: authoriser.displayName,
      extensionAgreedByName: extensionAgreer.displayName,
    })
    .from(assessment)
    .innerJoin(referral, eq(referral.id, assessment.referralId))
    .leftJoin(authoriser, eq(authoriser.id, assessment.authorisedBy))
    .leftJoin(extensionAgreer, eq(extensionAgreer.id, assessment.extensionAgreedBy))
    .where(and(eq(assessment.id, assessmentId), eq(assessment.personId, personId)))
  if (!row) throw new NotFoundError(`No assessment ${assessmentId} for person ${personId}`)
  const factors = (
    await db
      .select({ code: assessmentFactor.code })
      .from(assessmentFactor)
      .where(eq(assessmentFactor.assessmentId, assessmentId))
  )
    .map((f) => f.code)
    .sort(compareFactors)
  const [openOnReferral] = await db
    .select({ id: assessment.id })
    .from(assessment)
    .where(and(eq(assessment.referralId, row.a.referralId), isNull(assessment.authorisedOn)))
    .limit(1)
  return describe(row.a, row.referralDate, factors, asAt, {
    referralOpen: row.referralClosed === null,
    anotherOpen: openOnReferral !== undefined,
    authorisedByName: row.authorisedByName,
    extensionAgreedByName: row.extensionAgreedByName,
  })
}

function describe(
  a: AssessmentRow,
  referralDate: string,
  factors: string[],
  asAt: string,
  extra: {
    referralOpen: boolean
    anotherOpen: boolean
    authorisedByName: string | null
    extensionAgreedByName: string | null
  },
) {
  const state = assessmentState(a)
  const workingDays = workingDaysSinceReferral(referralDate, a.authorisedOn ?? asAt)
  return {
    ...a,
    referralDate,
    factors: factors.map((code) => ({ code, label: cinLabel('AssessmentFactors', code) })),
    factorCodes: factors,
    state,
    stateLabel: ASSESSMENT_STATE_LABELS[state],
    outcomeLabel: a.outcome ? ASSESSMENT_OUTCOME_LABELS[a.outcome] : null,
    workingDays,
    dueBy: assessmentDueBy(referralDate),
    overdue: workingDays !== null && workingDays > ASSESSMENT_TIMESCALE,
    warnings: assessmentWarnings(a, factors, workingDays),
    referralOpen: extra.referralOpen,
    canReassess: extra.referralOpen && state === 'authorised' && !extra.anotherOpen,
    authorisedByName: extra.authorisedByName,
    extensionAgreedByName: extra.extensionAgreedByName,
  }
}

export type AssessmentView = Awaited<ReturnType<typeof getAssessment>>

/** The child's referrals, newest first, each with its assessments in the order they started. */
export async function listAssessments(db: DbOrTx, personId: number, asAt = today()) {
  const [referrals, assessments] = await Promise.all([
    db
      .select()
      .from(referral)
      .where(eq(referral.personId, personId))
      .orderBy(desc(referral.referralDate), desc(referral.id)),
    db
      .select()
      .from(assessment)
      .where(eq(assessment.personId, personId))
      .orderBy(asc(assessment.startDate), asc(assessment.id)),
  ])
  const ids = assessments.map((a) => a.id)
  const factorRows =
    ids.length === 0
      ? []
      : await db.select().from(assessmentFactor).where(inArray(assessmentFactor.assessmentId, ids))
  return referrals.map((r) => {
    const mine = assessments.filter((a) => a.referralId === r.id)
    const anotherOpen = mine.some((a) => a.authorisedOn === null)
    const open = r.closureDate === null && !r.noFurtherAction
    return {
      id: r.id,
      referralDate: r.referralDate,
      closureDate: r.closureDate,
      open,
      canStart: open && !anotherOpen,
      assessments: mine.map((a) =>
        describe(
          a,
          r.referralDate,
          factorRows
            .filter((f) => f.assessmentId === a.id)
            .map((f) => f.code)
            .sort(compareFactors),
          asAt,
          { referralOpen: open, anotherOpen, authorisedByName: null, extensionAgreedByName: null },
        ),
      ),
    }
  })
}

/** The child's open referrals, for starting an assessment. */
export async function openReferrals(db: DbOrTx, personId: number) {
  return (await listAssessments(db, personId)).filter((r) => r.open)
}
