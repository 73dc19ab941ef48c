import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm'
import { logAccess } from '../../audit/access-log.ts'
import { diffFields, recordChanges } from '../../audit/change-history.ts'
import type { Actor, CurrentUser } from '../../auth/current-user.ts'
import { visiblePersonCondition } from '../../auth/record-access.ts'
import type { Db, DbOrTx } from '../../db/client.ts'
import {
  allocation,
  iroContact,
  iroEscalation,
  lacReview,
  periodOfCare,
  person,
  team,
  worker,
} from '../../db/schema/index.ts'
import { isSsda903Code, ssda903Label } from '../../domain/codes/codes.ts'
import { checkDate, today } from '../dates.ts'
import { Checker, ConflictError, NotFoundError, ValidationError } from '../errors.ts'
import { changesSince } from '../people.ts'
import { longDate } from '../plans.ts'
import { ageOn } from '../record-header.ts'
import {
  ESCALATION_OUTCOME_LABELS,
  ESCALATION_OUTCOMES,
  ESCALATION_STAGE_SHORT,
  ESCALATION_STAGES,
  type EscalationOutcome,
  type EscalationStage,
  IRO_CONTACT_KIND_LABELS,
  IRO_CONTACT_KINDS,
  type IroContactKind,
  NEXT_ESCALATION_STAGE,
} from './labels.ts'
import { escalationResponseDue, nextLacReviewDue } from './timescales.ts'

// The independent reviewing officer's part: looked-after reviews (903 REVIEW and REVIEW_CODE), contact
// with the child between reviews, and dispute resolution when the IRO is not satisfied with the plan.

const clean = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null)

const workerName = sql<string | null>`${worker.givenName} || ' ' || ${worker.familyName}`

async function checkWorker(db: DbOrTx, c: Checker, field: string, workerId: number | null, message: string) {
  if (workerId === null) return
  const [found] = await db.select({ id: worker.id }).from(worker).where(eq(worker.id, workerId))
  c.check(found !== undefined, field, message)
}

/** The child's current IRO's worker id, if one is allocated. */
async function currentIro(db: DbOrTx, personId: number) {
  const [found] = await db
    .select({ workerId: allocation.workerId })
    .from(allocation)
    .where(and(eq(allocation.personId, personId), eq(allocation.kind, 'iro'), isNull(allocation.endedOn)))
    .limit(1)
  return found?.workerId ?? null
}

export interface LacReviewInput {
  heldOn: string
  /** The IRO who chaired; the child's IRO when not given. */
  iroWorkerId?: number | null
  /** 903 REVIEW_CODE PN0–PN7. */
  participation: string
  childsViews?: string | null
  attendees: string[]
  decisions: string
}

/**
 * Records a looked-after review. It must fall within a period of care (never before the child became
 * looked after); PN0 only for a child under 4; the child's views are required unless they are under 4 or
 * their views were not conveyed (PN7).
 */
export async function recordLacReview(db: Db, actor: Actor, personId: number, input: LacReviewInput) {
  const c = new Checker()
  const heldOn = checkDate(c, 'heldOn', 'the date of the review', input.heldOn, { required: true })
  const participation = clean(input.participation)
  c.check(
    isSsda903Code('REVIEW_CODE', participation),
    'participation',
    'Choose how the child took part in the review',
  )
  const attendees = input.attendees.map((a) => a.trim()).filter(Boolean)
  c.check(attendees.length > 0, 'attendees', 'List who attended the review, one per line')
  const decisions = clean(input.decisions)
  c.check(decisions !== null, 'decisions', 'Record the decisions the review made')
  const childsViews = clean(input.childsViews)
  const iroWorkerId = input.iroWorkerId ?? (await currentIro(db, personId))
  await checkWorker(db, c, 'iroWorkerId', iroWorkerId, 'Choose the IRO who chaired the review')
  const [child] = await db
    .select({ dateOfBirth: person.dateOfBirth })
    .from(person)
    .where(eq(person.id, personId))
  if (!child) throw new NotFoundError(`No person ${personId}`)
  if (heldOn && participation) {
    const age = ageOn(child.dateOfBirth, heldOn)
    if (participation === 'PN0' && age !== null && age >= 4)
      c.add('participation', 'PN0 is only for a child under 4 on the day of the review')
    if (participation !== 'PN0' && participation !== 'PN7' && childsViews === null)
      c.add(
        'childsViews',
        "Record the child's views: what they said, or what their advocate or the IRO said for them",
      )
  }
  c.throwIfAny()
  return db.transaction(async (tx) => {
    const [period] = await tx
      .select({ id: periodOfCare.id, startDate: periodOfCare.startDate, endDate: periodOfCare.endDate })
      .from(periodOfCare)
      .where(
        and(
          eq(periodOfCare.personId, personId),
          sql`${periodOfCare.startDate} <= ${heldOn}`,
          sql`(${periodOfCare.endDate} is null or ${periodOfCare.endDate} >= ${heldOn})`,
        ),
      )
    if (!period) {
      const periods = await tx
        .select({ startDate: periodOfCare.startDate, endDate: periodOfCare.endDate })
        .from(periodOfCare)
        .where(eq(periodOfCare.personId, personId))
        .orderBy(asc(periodOfCare.startDate))
      const first = periods[0]
      // The period that ended before the review, if any, and the one that began after it.
      const ended = periods.filter((p) => p.endDate !== null && p.endDate < heldOn!).at(-1)
      const next = periods.find((p) => p.startDate > heldOn!)
      throw new ValidationError({
        heldOn: !first
          ? 'This child has never been looked after: there is no period of care for the review'
          : !ended
            ? `A looked-after review must be held while the child is looked after: the child became looked after on ${longDate(first.startDate)}`
            : `A looked-after review must be held while the child is looked after: the child was not looked after on ${longDate(heldOn!)} (care ended on ${longDate(ended.endDate!)}${next ? ` and began again on ${longDate(next.startDate)}` : ''})`,
      })
    }
    const values = {
      personId,
      periodOfCareId: period.id,
      heldOn: heldOn!,
      iroWorkerId,
      participation: participation!,
      childsViews,
      attendees,
      decisions: decisions!,
    }
    const [created] = await tx.insert(lacReview).values(values).returning({ id: lacReview.id })
    await recordChanges(tx, actor, {
      entityType: 'lac-review',
      entityId: created!.id,
      personId,
      version: 1,
      changes: diffFields(null, values),
    })
    await logAccess(tx, actor, {
      action: 'create',
      subjectType: 'lac-review',
      subjectId: created!.id,
      personId,
    })
    return created!.id
  })
}

export interface IroContactInput {
  contactedOn: string
  kind: string
  notes?: string | null
  iroWorkerId?: number | null
}

/** The IRO's contact with the child between reviews. */
export async function recordIroContact(db: Db, actor: Actor, personId: number, input: IroContactInput) {
  const c = new Checker()
  const contactedOn = checkDate(c, 'contactedOn', 'the date of the contact', input.contactedOn, {
    required: true,
  })
  c.check(
    (IRO_CONTACT_KINDS as readonly string[]).includes(input.kind),
    'kind',
    'Choose how the IRO was in touch',
  )
  const notes = clean(input.notes)
  c.check(notes !== null, 'notes', 'Record what the child said and anything the IRO will follow up')
  const iroWorkerId = input.iroWorkerId ?? (await currentIro(db, personId))
  await checkWorker(db, c, 'iroWorkerId', iroWorkerId, 'Choose the IRO')
  c.throwIfAny()
  return db.transaction(async (tx) => {
    const values = {
      personId,
      contactedOn: contactedOn!,
      kind: input.kind as IroContactKind,
      notes,
      iroWorkerId,
    }
    const [created] = await tx.insert(iroContact).values(values).returning({ id: iroContact.id })
    await recordChanges(tx, actor, {
      entityType: 'iro-contact',
      entityId: created!.id,
      personId,
      version: 1,
      changes: diffFields(null, values),
    })
    await logAccess(tx, actor, {
      action: 'create',
      subjectType: 'iro-contact',
      subjectId: created!.id,
      personId,
    })
    return created!.id
  })
}

export interface EscalationInput {
  stage: string
  raisedOn: string
  issue: string
  respondent: string
  /** Defaults to 10 working days after it was raised. */
  responseDue?: string | null
}

function checkEscalation(c: Checker, input: EscalationInput) {
  c.check((ESCALATION_STAGES as readonly string[]).includes(input.stage), 'stage', 'Choose the stage')
  const raisedOn = checkDate(c, 'raisedOn', 'the date the issue was raised', input.raisedOn, {
    required: true,
  })
  const issue = clean(input.issue)
  c.check(
    issue !== null,
    'issue',
    'Describe the issue: what the IRO is not satisfied with and why it matters for the child',
  )
  const respondent = clean(input.respondent)
  c.check(respondent !== null, 'respondent', 'Say who must respond, like the team manager or head of service')
  let responseDue = clean(input.responseDue)
  if (responseDue) {
    responseDue = checkDate(c, 'responseDue', 'the date the response is due', responseDue, {
      allowFuture: true,
    })
    if (responseDue && raisedOn && responseDue < raisedOn)
      c.add('responseDue', 'The response cannot be due before the issue was raised')
  } else if (raisedOn) {
    responseDue = escalationResponseDue(raisedOn)
  }
  return {
    stage: input.stage as EscalationStage,
    raisedOn: raisedOn!,
    issue: issue!,
    respondent: respondent!,
    responseDue: responseDue!,
  }
}

/** The IRO raises an issue (dispute resolution): a response is due in 10 working days unless set. */
export async function raiseEscalation(db: Db, actor: Actor, personId: number, input: EscalationInput) {
  const c = new Checker()
  const values = checkEscalation(c, input)
  c.throwIfAny()
  return db.transaction(async (tx) => {
    const raisedBy = actor.user.workerId ?? null
    const row = { ...values, personId, raisedBy }
    const [created] = await tx.insert(iroEscalation).values(row).returning({ id: iroEscalation.id })
    await recordChanges(tx, actor, {
      entityType: 'iro-escalation',
      entityId: created!.id,
      personId,
      version: 1,
      changes: diffFields(null, row),
    })
    await logAccess(tx, actor, {
      action: 'create',
      subjectType: 'iro-escalation',
      subjectId: created!.id,
      personId,
      detail: { stage: values.stage },
    })
    return created!.id
  })
}

export interface EscalationResponseInput {
  version: number
  response: string
  respondedOn: string
  outcome: string
  /** When escalated: who must respond at the next stage. */
  nextRespondent?: string | null
}

/**
 * The response to an escalation and its outcome. "Escalated" raises the next stage at once (same issue,
 * raised the day of the response, due 10 working days later) so nothing is typed twice.
 */
export async function respondToEscalation(
  db: Db,
  actor: Actor,
  personId: number,
  escalationId: number,
  input: EscalationResponseInput,
) {
  const c = new Checker()
  const response = clean(input.response)
  c.check(response !== null, 'response', 'Record the response')
  const respondedOn = checkDate(c, 'respondedOn', 'the date of the response', input.respondedOn, {
    required: true,
  })
  c.check(
    (ESCALATION_OUTCOMES as readonly string[]).includes(input.outcome),
    'outcome',
    'Choose the outcome: resolved, escalated or withdrawn',
  )
  const nextRespondent = clean(input.nextRespondent)
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select()
      .from(iroEscalation)
      .where(and(eq(iroEscalation.id, escalationId), eq(iroEscalation.personId, personId)))
      .for('update')
    if (!found) throw new NotFoundError(`No escalation ${escalationId} for person ${personId}`)
    if (found.version !== input.version)
      throw new ConflictError(
        'Someone else recorded a response to this issue while you were writing yours.',
        await changesSince(tx, 'iro-escalation', escalationId, input.version),
      )
    if (found.outcome)
      c.add(
        'outcome',
        `This issue was already closed: ${ESCALATION_OUTCOME_LABELS[found.outcome].toLowerCase()}`,
      )
    if (respondedOn && respondedOn < found.raisedOn)
      c.add('respondedOn', `The response cannot be before the issue was raised (${longDate(found.raisedOn)})`)
    const next = input.outcome === 'escalated' ? NEXT_ESCALATION_STAGE[found.stage] : null
    if (input.outcome === 'escalated') {
      if (next === null)
        c.add('outcome', 'A referral to Cafcass is the last stage: it cannot be escalated further')
      else c.check(nextRespondent !== null, 'nextRespondent', 'Say who must respond at the next stage')
    }
    c.throwIfAny()
    const version = found.version + 1
    const values = { response, respondedOn, outcome: input.outcome as EscalationOutcome }
    await tx
      .update(iroEscalation)
      .set({ ...values, version })
      .where(eq(iroEscalation.id, escalationId))
    await recordChanges(tx, actor, {
      entityType: 'iro-escalation',
      entityId: escalationId,
      personId,
      version,
      changes: diffFields({ response: null, respondedOn: null, outcome: null }, values),
    })
    let nextId: number | null = null
    if (next) {
      const row = {
        personId,
        stage: next,
        raisedOn: respondedOn!,
        raisedBy: found.raisedBy,
        issue: found.issue,
        respondent: nextRespondent!,
        responseDue: escalationResponseDue(respondedOn!),
      }
      const [created] = await tx.insert(iroEscalation).values(row).returning({ id: iroEscalation.id })
      nextId = created!.id
      await recordChanges(tx, actor, {
        entityType: 'iro-escalation',
        entityId: nextId,
        personId,
        version: 1,
        changes: diffFields(null, row),
        reason: `Escalated from ${ESCALATION_STAGE_SHORT[found.stage].toLowerCase()}`,
      })
    }
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'iro-escalation',
      subjectId: escalationId,
      personId,
      detail: { outcome: input.outcome, nextEscalationId: nextId },
    })
    return { version, nextEscalationId: nextId }
  })
}

function presentEscalation<
  T extends { stage: EscalationStage; outcome: EscalationOutcome | null; responseDue: string },
>(row: T, on: string) {
  return {
    ...row,
    stageLabel: ESCALATION_STAGE_SHORT[row.stage],
    outcomeLabel: row.outcome ? ESCALATION_OUTCOME_LABELS[row.outcome] : null,
    overdue: row.outcome === null && row.responseDue < on,
  }
}

/** The reviews page: reviews (with participation), IRO contacts, escalations, and the next review due. */
export async function reviewsRecord(db: DbOrTx, personId: number, on = today()) {
  const [reviews, contacts, escalations, periods] = await Promise.all([
    db
      .select({
        id: lacReview.id,
        periodOfCareId: lacReview.periodOfCareId,
        heldOn: lacReview.heldOn,
        participation: lacReview.participation,
        childsViews: lacReview.childsViews,
        attendees: lacReview.attendees,
        decisions: lacReview.decisions,
        iroName: workerName,
      })
      .from(lacReview)
      .leftJoin(worker, eq(worker.id, lacReview.iroWorkerId))
      .where(eq(lacReview.personId, personId))
      .orderBy(desc(lacReview.heldOn), desc(lacReview.id)),
    db
      .select({
        id: iroContact.id,
        contactedOn: iroContact.contactedOn,
        kind: iroContact.kind,
        notes: iroContact.notes,
        iroName: workerName,
      })
      .from(iroContact)
      .leftJoin(worker, eq(worker.id, iroContact.iroWorkerId))
      .where(eq(iroContact.personId, personId))
      .orderBy(desc(iroContact.contactedOn), desc(iroContact.id)),
    db
      .select({
        id: iroEscalation.id,
        stage: iroEscalation.stage,
        raisedOn: iroEscalation.raisedOn,
        raisedByName: workerName,
        issue: iroEscalation.issue,
        respondent: iroEscalation.respondent,
        responseDue: iroEscalation.responseDue,
        response: iroEscalation.response,
        respondedOn: iroEscalation.respondedOn,
        outcome: iroEscalation.outcome,
        version: iroEscalation.version,
      })
      .from(iroEscalation)
      .leftJoin(worker, eq(worker.id, iroEscalation.raisedBy))
      .where(eq(iroEscalation.personId, personId))
      .orderBy(desc(iroEscalation.raisedOn), desc(iroEscalation.id)),
    db
      .select({ id: periodOfCare.id, startDate: periodOfCare.startDate, endDate: periodOfCare.endDate })
      .from(periodOfCare)
      .where(eq(periodOfCare.personId, personId))
      .orderBy(asc(periodOfCare.startDate)),
  ])
  const current = periods.find((p) => p.endDate === null) ?? null
  const nextReviewDue = current
    ? nextLacReviewDue(
        current.startDate,
        reviews.filter((r) => r.periodOfCareId === current.id).map((r) => r.heldOn),
      )
    : null
  return {
    lookedAfter: current !== null,
    everLookedAfter: periods.length > 0,
    nextReviewDue,
    reviewOverdue: nextReviewDue !== null && nextReviewDue < on,
    reviews: reviews.map((r) => ({
      ...r,
      participationLabel: ssda903Label('REVIEW_CODE', r.participation),
    })),
    contacts: contacts.map((ct) => ({ ...ct, kindLabel: IRO_CONTACT_KIND_LABELS[ct.kind] })),
    escalations: escalations.map((e) => presentEscalation(e, on)),
  }
}

export async function getEscalation(db: DbOrTx, personId: number, escalationId: number) {
  const [found] = await db
    .select()
    .from(iroEscalation)
    .where(and(eq(iroEscalation.id, escalationId), eq(iroEscalation.personId, personId)))
  if (!found) throw new NotFoundError(`No escalation ${escalationId} for person ${personId}`)
  return presentEscalation(found, today())
}

/**
 * Open IRO escalations across the authority, oldest response due first — only for children the user may
 * see (their team's, their service's, or every child for roles that span the authority).
 */
export async function openEscalations(db: DbOrTx, user: CurrentUser, on = today()) {
  const rows = await db
    .select({
      id: iroEscalation.id,
      personId: iroEscalation.personId,
      givenName: person.givenName,
      familyName: person.familyName,
      stage: iroEscalation.stage,
      raisedOn: iroEscalation.raisedOn,
      raisedByName: workerName,
      issue: iroEscalation.issue,
      respondent: iroEscalation.respondent,
      responseDue: iroEscalation.responseDue,
      outcome: iroEscalation.outcome,
      teamName: sql<
        string | null
      >`(select t.name from ${allocation} a join ${team} t on t.id = a.team_id where a.person_id = ${iroEscalation.personId} and a.kind = 'social-worker' and a.ended_on is null limit 1)`,
    })
    .from(iroEscalation)
    .innerJoin(person, eq(person.id, iroEscalation.personId))
    .leftJoin(worker, eq(worker.id, iroEscalation.raisedBy))
    .where(and(isNull(iroEscalation.outcome), visiblePersonCondition(user)))
    .orderBy(asc(iroEscalation.responseDue), asc(iroEscalation.id))
  return rows.map((r) => presentEscalation(r, on))
}
