import { and, asc, desc, eq, isNull } from 'drizzle-orm'
import { logAccess } from '../../audit/access-log.ts'
import { diffFields, recordChanges } from '../../audit/change-history.ts'
import type { Actor } from '../../auth/current-user.ts'
import type { Db, DbOrTx } from '../../db/client.ts'
import { healthRecord, periodOfCare, person, personalEducationPlan } from '../../db/schema/index.ts'
import { isSsda903Code, ssda903Label } from '../../domain/codes/codes.ts'
import { checkDate, today } from '../dates.ts'
import { Checker, NotFoundError } from '../errors.ts'
import { HEALTH_KIND_LABELS, HEALTH_KINDS, type HealthKind } from './labels.ts'
import { initialHealthAssessmentDue, reviewHealthAssessmentDue } from './timescales.ts'

// Health and education of a child in care: health assessments, dental checks, immunisations, development
// checks, SDQ scores, substance misuse and convictions (the 903 OC2 items, each captured as it happens),
// and personal education plans with the school and virtual school. Each entry is written once: a later
// assessment is a new entry, so the record shows what was known when.

const clean = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null)

export interface HealthInput {
  kind: string
  recordedOn: string
  /** Immunisations or development checks up to date (null: not answered). */
  upToDate?: boolean | null
  /** Substance misuse: a problem identified; an intervention offered; received. */
  substanceMisuse?: boolean | null
  interventionOffered?: boolean | null
  interventionReceived?: boolean | null
  /** SDQ total difficulties score 0–40, or a 903 SDQ_REASON it was not done. */
  sdqScore?: number | string | null
  sdqReason?: string | null
  notes?: string | null
}

/** Checks a health entry: only the answers its kind asks for, each required. */
export function checkHealthInput(input: HealthInput) {
  const c = new Checker()
  const kindOk = (HEALTH_KINDS as readonly string[]).includes(input.kind)
  c.check(kindOk, 'kind', 'Choose what you are recording')
  const recordedOn = checkDate(c, 'recordedOn', 'the date', input.recordedOn, { required: true })
  const kind = input.kind as HealthKind
  const out = {
    kind,
    recordedOn: recordedOn!,
    upToDate: null as boolean | null,
    substanceMisuse: null as boolean | null,
    interventionOffered: null as boolean | null,
    interventionReceived: null as boolean | null,
    sdqScore: null as number | null,
    sdqReason: null as string | null,
    notes: clean(input.notes),
  }
  if (kind === 'immunisations' || kind === 'health-surveillance') {
    c.check(
      input.upToDate === true || input.upToDate === false,
      'upToDate',
      kind === 'immunisations'
        ? "Say whether the child's immunisations are up to date"
        : "Say whether the child's development checks are up to date",
    )
    out.upToDate = input.upToDate ?? null
  }
  if (kind === 'substance-misuse') {
    const asked = [
      ['substanceMisuse', 'Say whether a substance misuse problem was identified'],
      ['interventionOffered', 'Say whether an intervention was offered'],
      ['interventionReceived', 'Say whether the child received an intervention'],
    ] as const
    for (const [field, message] of asked) {
      const v = input[field]
      c.check(v === true || v === false, field, message)
      out[field] = v ?? null
    }
    if (input.substanceMisuse === false && (input.interventionOffered || input.interventionReceived))
      c.add(
        'interventionOffered',
        'An intervention is only offered when a problem was identified: check the answers',
      )
    if (input.interventionReceived === true && input.interventionOffered === false)
      c.add('interventionReceived', 'The child cannot have received an intervention that was not offered')
  }
  if (kind === 'sdq') {
    const raw = input.sdqScore === null || input.sdqScore === undefined ? '' : String(input.sdqScore).trim()
    const reason = clean(input.sdqReason)
    if (raw !== '' && reason !== null)
      c.add('sdqScore', 'Enter either the score or the reason there is none, not both')
    else if (raw !== '') {
      if (/^\d{1,2}$/.test(raw) && Number(raw) <= 40) out.sdqScore = Number(raw)
      else c.add('sdqScore', 'The SDQ score is a whole number from 0 to 40')
    } else if (reason !== null) {
      if (isSsda903Code('SDQ_REASON', reason)) out.sdqReason = reason
      else c.add('sdqReason', 'Choose why there is no score from the list')
    } else c.add('sdqScore', 'Enter the SDQ score, or choose why there is none')
  }
  if (kind === 'conviction') c.check(out.notes !== null, 'notes', 'Say what the offence or warning was')
  c.throwIfAny()
  return out
}

export async function recordHealth(db: Db, actor: Actor, personId: number, raw: HealthInput) {
  const input = checkHealthInput(raw)
  return db.transaction(async (tx) => {
    const values = { ...input, personId }
    const [created] = await tx.insert(healthRecord).values(values).returning({ id: healthRecord.id })
    await recordChanges(tx, actor, {
      entityType: 'health-record',
      entityId: created!.id,
      personId,
      version: 1,
      changes: diffFields(null, values),
    })
    await logAccess(tx, actor, {
      action: 'create',
      subjectType: 'health-record',
      subjectId: created!.id,
      personId,
      detail: { kind: input.kind },
    })
    return created!.id
  })
}

export interface PepInput {
  heldOn: string
  school?: string | null
  designatedTeacher?: string | null
  virtualSchoolContact?: string | null
  targets?: string | null
}

/** A personal education plan meeting, with the school and the virtual school's contact. */
export async function recordPep(db: Db, actor: Actor, personId: number, input: PepInput) {
  const c = new Checker()
  const heldOn = checkDate(c, 'heldOn', 'the date of the PEP meeting', input.heldOn, { required: true })
  const school = clean(input.school)
  c.check(school !== null, 'school', 'Enter the school or education setting')
  const targets = clean(input.targets)
  c.check(targets !== null, 'targets', "Record the child's education targets agreed at the meeting")
  c.throwIfAny()
  return db.transaction(async (tx) => {
    const values = {
      personId,
      heldOn: heldOn!,
      school,
      designatedTeacher: clean(input.designatedTeacher),
      virtualSchoolContact: clean(input.virtualSchoolContact),
      targets,
    }
    const [created] = await tx
      .insert(personalEducationPlan)
      .values(values)
      .returning({ id: personalEducationPlan.id })
    await recordChanges(tx, actor, {
      entityType: 'personal-education-plan',
      entityId: created!.id,
      personId,
      version: 1,
      changes: diffFields(null, values),
    })
    await logAccess(tx, actor, {
      action: 'create',
      subjectType: 'personal-education-plan',
      subjectId: created!.id,
      personId,
    })
    return created!.id
  })
}

/**
 * The health and education page: every entry, newest first, and what is derived from them — the last of
 * each kind, when the next health assessment is due, the latest SDQ.
 */
export async function healthEducationRecord(db: DbOrTx, personId: number, on = today()) {
  const [child] = await db
    .select({ dateOfBirth: person.dateOfBirth })
    .from(person)
    .where(eq(person.id, personId))
  if (!child) throw new NotFoundError(`No person ${personId}`)
  const [health, peps, [openPeriod]] = await Promise.all([
    db
      .select()
      .from(healthRecord)
      .where(eq(healthRecord.personId, personId))
      .orderBy(desc(healthRecord.recordedOn), desc(healthRecord.id)),
    db
      .select()
      .from(personalEducationPlan)
      .where(eq(personalEducationPlan.personId, personId))
      .orderBy(desc(personalEducationPlan.heldOn), desc(personalEducationPlan.id)),
    db
      .select({ startDate: periodOfCare.startDate })
      .from(periodOfCare)
      .where(and(eq(periodOfCare.personId, personId), isNull(periodOfCare.endDate)))
      .orderBy(asc(periodOfCare.startDate))
      .limit(1),
  ])
  const latest = (kind: HealthKind) => health.find((h) => h.kind === kind) ?? null
  const lastAssessment =
    health.find((h) => h.kind === 'initial-health-assessment' || h.kind === 'review-health-assessment') ??
    null
  const initialSinceCare = openPeriod
    ? (health.find((h) => h.kind === 'initial-health-assessment' && h.recordedOn >= openPeriod.startDate) ??
      null)
    : null
  let nextAssessmentDue: string | null = null
  let nextAssessmentKind: string | null = null
  if (openPeriod) {
    if (!initialSinceCare && (!lastAssessment || lastAssessment.recordedOn < openPeriod.startDate)) {
      nextAssessmentDue = initialHealthAssessmentDue(openPeriod.startDate)
      nextAssessmentKind = 'Initial health assessment'
    } else if (lastAssessment) {
      nextAssessmentDue = reviewHealthAssessmentDue(lastAssessment.recordedOn, child.dateOfBirth)
      nextAssessmentKind = 'Review health assessment'
    }
  }
  return {
    lookedAfter: openPeriod !== undefined,
    health: health.map((h) => ({
      ...h,
      kindLabel: HEALTH_KIND_LABELS[h.kind as HealthKind] ?? h.kind,
      sdqReasonLabel: ssda903Label('SDQ_REASON', h.sdqReason),
    })),
    peps,
    summary: {
      lastAssessment: lastAssessment?.recordedOn ?? null,
      nextAssessmentDue,
      nextAssessmentKind,
      assessmentOverdue: nextAssessmentDue !== null && nextAssessmentDue < on,
      lastDentalCheck: latest('dental-check')?.recordedOn ?? null,
      immunisations: latest('immunisations'),
      latestSdq: latest('sdq'),
      lastPep: peps[0]?.heldOn ?? null,
      school: peps[0]?.school ?? null,
      virtualSchoolContact: peps.find((p) => p.virtualSchoolContact)?.virtualSchoolContact ?? null,
    },
  }
}
