import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { logAccess } from '../audit/access-log.ts'
import { diffFields, recordChanges } from '../audit/change-history.ts'
import type { Actor } from '../auth/current-user.ts'
import type { Db, DbOrTx } from '../db/client.ts'
import {
  allocation,
  coreGroup,
  cpConference,
  cpPlan,
  plan,
  referral,
  section47,
  strategyDiscussion,
  team,
  worker,
} from '../db/schema/index.ts'
import { isWeekend } from '../domain/calendar/iso-date.ts'
import { addMonths, addWorkingDays } from '../domain/calendar/working-days.ts'
import { cinCodes, cinLabel, isCinCode } from '../domain/codes/codes.ts'
import { allocate } from './allocation.ts'
import { longDate } from './assessments.ts'
import { checkDate, today } from './dates.ts'
import { Checker, ConflictError, NotFoundError } from './errors.ts'
import { changesSince } from './people.ts'
import { createPlan, currentPlanOfKind, savePlanVersion, stepDownToChildInNeed } from './plans.ts'

// Child protection, in the order it happens: a strategy discussion decides whether to start a section 47
// enquiry; the enquiry may lead to an initial child protection conference, which may make a child
// protection plan (with its plan document and a conference chair allocated); core groups meet on the plan;
// review conferences continue or end it. Timescales and the number of previous plans are derived when read.

export const STRATEGY_AGENCIES = ['social-care', 'police', 'health', 'education', 'other'] as const
export type StrategyAgency = (typeof STRATEGY_AGENCIES)[number]
export const AGENCY_LABELS: Record<StrategyAgency, string> = {
  'social-care': 'Children’s social care',
  police: 'Police',
  health: 'Health',
  education: 'Education',
  other: 'Another agency',
}

export const STRATEGY_DECISIONS = ['section-47', 'no-section-47', 'single-agency-police'] as const
export type StrategyDecision = (typeof STRATEGY_DECISIONS)[number]
export const STRATEGY_DECISION_LABELS: Record<StrategyDecision, string> = {
  'section-47': 'Section 47 enquiry',
  'no-section-47': 'No section 47 enquiry',
  'single-agency-police': 'Single-agency police investigation',
}

export const S47_OUTCOMES = ['icpc', 'no-further-action', 'cin-plan', 'other'] as const
export type Section47Outcome = (typeof S47_OUTCOMES)[number]
export const S47_OUTCOME_LABELS: Record<Section47Outcome, string> = {
  icpc: 'Initial child protection conference',
  'no-further-action': 'No further action',
  'cin-plan': 'Child in need plan',
  other: 'Other',
}

export const CHILD_CONTRIBUTIONS = ['attended', 'views-shared-another-way', 'not-sought'] as const
export type ChildContribution = (typeof CHILD_CONTRIBUTIONS)[number]
export const CHILD_CONTRIBUTION_LABELS: Record<ChildContribution, string> = {
  attended: 'The child attended',
  'views-shared-another-way': 'The child’s views were shared another way',
  'not-sought': 'The child’s views were not sought',
}

export const CONFERENCE_KIND_LABELS: Record<'initial' | 'review' | 'transfer-in', string> = {
  initial: 'Initial child protection conference',
  review: 'Review child protection conference',
  'transfer-in': 'Transfer-in child protection conference',
}

export const CONFERENCE_DECISION_LABELS: Record<string, string> = {
  plan: 'Child protection plan',
  'no-plan': 'No child protection plan',
  'continue-plan': 'Plan continues',
  'end-plan': 'Plan ends',
}

export const CP_END_REASONS = [
  'step-down-cin',
  'step-down-early-help',
  'looked-after',
  'moved-away',
  'no-longer-needed',
  'other',
] as const
export type CpEndReason = (typeof CP_END_REASONS)[number]
export const CP_END_REASON_LABELS: Record<CpEndReason, string> = {
  'step-down-cin': 'Stepped down to a child in need plan',
  'step-down-early-help': 'Stepped down to early help',
  'looked-after': 'The child became looked after',
  'moved-away': 'The child moved to another local authority',
  'no-longer-needed': 'A plan is no longer needed',
  other: 'Other',
}

/** Working days from the strategy discussion within which the initial conference should be held. */
export const ICPC_TIMESCALE = 15
/** Working days from the initial conference within which the first core group should meet. */
export const FIRST_CORE_GROUP_TIMESCALE = 10

const blank = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null)
const lines = (values: readonly string[]) => values.map((v) => v.trim()).filter(Boolean)
const isOneOf = <T extends string>(list: readonly T[], value: string | null | undefined): value is T =>
  value != null && (list as readonly string[]).includes(value)

export const categoryLabel = (code: string | null | undefined) =>
  code ? cinLabel('CategoryOfAbuse', code) : ''
export const categoryItems = () => cinCodes('CategoryOfAbuse').filter((c) => !c.deprecated)

// ---------------------------------------------------------------------------------------------------------
// Shared checks

type ReferralRow = typeof referral.$inferSelect

async function openReferral(
  db: DbOrTx,
  personId: number,
  referralId: number | null,
  c: Checker,
  field = 'referralId',
) {
  if (!referralId) {
    c.add(field, 'Choose the referral this is about')
    return null
  }
  const [ref] = await db
    .select()
    .from(referral)
    .where(and(eq(referral.id, referralId), eq(referral.personId, personId)))
  if (!ref) c.add(field, 'Choose a referral of this child')
  else if (ref.closureDate)
    c.add(field, `This referral was closed on ${longDate(ref.closureDate)}: choose an open referral`)
  else if (ref.noFurtherAction) c.add(field, 'This referral ended with no further action')
  else return ref
  return null
}

/** A conference chair must be a worker in post in an Independent Reviewing team. */
async function checkChair(db: DbOrTx, chairWorkerId: number | null, c: Checker) {
  if (!chairWorkerId) {
    c.add('chairWorkerId', 'Choose who chaired the conference')
    return null
  }
  const [chair] = await db
    .select({ id: worker.id, teamId: worker.teamId })
    .from(worker)
    .innerJoin(team, eq(team.id, worker.teamId))
    .where(and(eq(worker.id, chairWorkerId), eq(team.kind, 'independent-reviewing'), isNull(worker.leftOn)))
  if (!chair)
    c.add('chairWorkerId', 'The chair must be a child protection chair in the Independent Reviewing team')
  return chair ?? null
}

/** Workers who may chair a conference: those in post in Independent Reviewing teams. */
export async function conferenceChairs(db: DbOrTx) {
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

function conflict(what: string, changes: Awaited<ReturnType<typeof changesSince>>): never {
  throw new ConflictError(`Someone else changed this ${what} while you were working on it.`, changes)
}

// ---------------------------------------------------------------------------------------------------------
// Strategy discussions

export interface StrategyDiscussionInput {
  heldOn: string
  agencies: string[]
  decision: string | null
  rationale: string | null
}

function checkStrategyInput(input: StrategyDiscussionInput, ref: ReferralRow | null, c: Checker) {
  const heldOn = checkDate(c, 'heldOn', 'the date of the strategy discussion', input.heldOn, {
    required: true,
  })
  if (heldOn && ref && heldOn < ref.referralDate)
    c.add('heldOn', `The strategy discussion cannot be before the referral on ${longDate(ref.referralDate)}`)
  const agencies = [...new Set(lines(input.agencies))]
  if (agencies.some((a) => !isOneOf(STRATEGY_AGENCIES, a))) c.add('agencies', 'Choose agencies from the list')
  else if (!agencies.includes('social-care') || !agencies.includes('police'))
    c.add('agencies', 'A strategy discussion must include children’s social care and the police')
  const decision = blank(input.decision)
  c.check(isOneOf(STRATEGY_DECISIONS, decision), 'decision', 'Choose what the strategy discussion decided')
  const rationale = blank(input.rationale)
  c.check(rationale !== null, 'rationale', 'Explain the reasons for the decision')
  return {
    heldOn: heldOn!,
    agencies: STRATEGY_AGENCIES.filter((a) => agencies.includes(a)),
    decision: decision as StrategyDecision,
    rationale: rationale!,
  }
}

export async function recordStrategyDiscussion(
  db: Db,
  actor: Actor,
  personId: number,
  referralId: number | null,
  raw: StrategyDiscussionInput,
): Promise<number> {
  return db.transaction(async (tx) => {
    const c = new Checker()
    const ref = await openReferral(tx, personId, referralId, c)
    const input = checkStrategyInput(raw, ref, c)
    c.throwIfAny()
    const [created] = await tx
      .insert(strategyDiscussion)
      .values({ ...input, referralId: ref!.id, personId })
      .returning({ id: strategyDiscussion.id })
    const id = created!.id
    await recordChanges(tx, actor, {
      entityType: 'strategy-discussion',
      entityId: id,
      personId,
      version: 1,
      changes: diffFields(null, { referralId: ref!.id, ...input }),
    })
    await logAccess(tx, actor, {
      action: 'create',
      subjectType: 'strategy-discussion',
      subjectId: id,
      personId,
    })
    return id
  })
}

export async function getStrategyDiscussion(db: DbOrTx, personId: number, id: number) {
  const [row] = await db
    .select()
    .from(strategyDiscussion)
    .where(and(eq(strategyDiscussion.id, id), eq(strategyDiscussion.personId, personId)))
  if (!row) throw new NotFoundError(`No strategy discussion ${id} for person ${personId}`)
  return row
}

export async function updateStrategyDiscussion(
  db: Db,
  actor: Actor,
  personId: number,
  id: number,
  expectedVersion: number,
  raw: StrategyDiscussionInput,
): Promise<number> {
  return db.transaction(async (tx) => {
    const current = await getStrategyDiscussion(tx, personId, id)
    if (current.version !== expectedVersion)
      conflict('strategy discussion', await changesSince(tx, 'strategy-discussion', id, expectedVersion))
    const c = new Checker()
    const [ref] = await tx.select().from(referral).where(eq(referral.id, current.referralId))
    const input = checkStrategyInput(raw, ref ?? null, c)
    const [enquiry] = await tx.select().from(section47).where(eq(section47.strategyDiscussionId, id))
    if (enquiry) {
      if (input.decision && input.decision !== 'section-47')
        c.add(
          'decision',
          'A section 47 enquiry has started from this discussion, so the decision cannot change',
        )
      if (input.heldOn && input.heldOn > enquiry.startDate)
        c.add(
          'heldOn',
          `The strategy discussion cannot be after the section 47 enquiry it started, on ${longDate(enquiry.startDate)}`,
        )
    }
    c.throwIfAny()
    const before = {
      heldOn: current.heldOn,
      agencies: current.agencies,
      decision: current.decision,
      rationale: current.rationale,
    }
    const changes = diffFields(before, input)
    if (changes.length === 0) return current.version
    const version = current.version + 1
    const updated = await tx
      .update(strategyDiscussion)
      .set({ ...input, version })
      .where(and(eq(strategyDiscussion.id, id), eq(strategyDiscussion.version, expectedVersion)))
      .returning({ id: strategyDiscussion.id })
    if (updated.length === 0) conflict('strategy discussion', [])
    await recordChanges(tx, actor, {
      entityType: 'strategy-discussion',
      entityId: id,
      personId,
      version,
      changes,
    })
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'strategy-discussion',
      subjectId: id,
      personId,
      detail: { fields: changes.map((ch) => ch.field) },
    })
    return version
  })
}

// ---------------------------------------------------------------------------------------------------------
// Section 47 enquiries

export interface Section47Input {
  startDate: string
  outcome?: string | null
  outcomeDate?: string | null
  /** Concerns substantiated, but no conference is needed (CIN census ICPCnotRequired). */
  icpcNotRequired?: boolean
}

function checkSection47Input(
  input: Section47Input,
  discussion: typeof strategyDiscussion.$inferSelect | null,
  c: Checker,
) {
  const startDate = checkDate(c, 'startDate', 'the date the enquiry started', input.startDate, {
    required: true,
  })
  if (startDate && discussion && startDate < discussion.heldOn)
    c.add(
      'startDate',
      `The enquiry cannot start before the strategy discussion on ${longDate(discussion.heldOn)}`,
    )
  const outcome = blank(input.outcome)
  if (outcome !== null && !isOneOf(S47_OUTCOMES, outcome)) c.add('outcome', 'Choose an outcome from the list')
  const outcomeDate = checkDate(c, 'outcomeDate', 'the date of the outcome', input.outcomeDate)
  if (outcome && !outcomeDate && !c.errors.outcomeDate) c.add('outcomeDate', 'Enter the date of the outcome')
  if (outcomeDate && !outcome) c.add('outcome', 'Choose the outcome of the enquiry')
  if (outcomeDate && startDate && outcomeDate < startDate)
    c.add('outcomeDate', `The outcome cannot be before the enquiry started on ${longDate(startDate)}`)
  const icpcNotRequired = input.icpcNotRequired === true
  if (icpcNotRequired && outcome === 'icpc')
    c.add('icpcNotRequired', 'Choose either an initial conference or ‘conference not required’, not both')
  else if (icpcNotRequired && !outcome)
    c.add('icpcNotRequired', 'Record the outcome of the enquiry with ‘conference not required’')
  return {
    startDate: startDate!,
    outcome: outcome as Section47Outcome | null,
    outcomeDate,
    icpcNotRequired,
  }
}

export async function startSection47(
  db: Db,
  actor: Actor,
  personId: number,
  strategyDiscussionId: number | null,
  raw: Section47Input,
): Promise<number> {
  return db.transaction(async (tx) => {
    const c = new Checker()
    let discussion: typeof strategyDiscussion.$inferSelect | null = null
    if (!strategyDiscussionId)
      c.add('strategyDiscussionId', 'Choose the strategy discussion that started the enquiry')
    else {
      const [found] = await tx
        .select()
        .from(strategyDiscussion)
        .where(
          and(eq(strategyDiscussion.id, strategyDiscussionId), eq(strategyDiscussion.personId, personId)),
        )
      if (!found) c.add('strategyDiscussionId', 'Choose a strategy discussion about this child')
      else if (found.decision !== 'section-47')
        c.add('strategyDiscussionId', 'That strategy discussion did not decide on a section 47 enquiry')
      else {
        discussion = found
        const [already] = await tx
          .select({ id: section47.id })
          .from(section47)
          .where(eq(section47.strategyDiscussionId, found.id))
        if (already)
          c.add('strategyDiscussionId', 'An enquiry has already started from that strategy discussion')
        await openReferral(tx, personId, found.referralId, c, 'strategyDiscussionId')
        // One enquiry at a time on a referral (CIN census 8839).
        const [open] = await tx
          .select({ id: section47.id })
          .from(section47)
          .where(and(eq(section47.referralId, found.referralId), isNull(section47.outcome)))
        if (open)
          c.add('strategyDiscussionId', 'Another section 47 enquiry on this referral has no outcome yet')
      }
    }
    const input = checkSection47Input(raw, discussion, c)
    c.throwIfAny()
    const [created] = await tx
      .insert(section47)
      .values({
        ...input,
        referralId: discussion!.referralId,
        personId,
        strategyDiscussionId: discussion!.id,
      })
      .returning({ id: section47.id })
    const id = created!.id
    await recordChanges(tx, actor, {
      entityType: 'section47',
      entityId: id,
      personId,
      version: 1,
      changes: diffFields(null, { strategyDiscussionId: discussion!.id, ...input }),
    })
    await logAccess(tx, actor, { action: 'create', subjectType: 'section47', subjectId: id, personId })
    return id
  })
}

export async function getSection47(db: DbOrTx, personId: number, id: number) {
  const [row] = await db
    .select()
    .from(section47)
    .where(and(eq(section47.id, id), eq(section47.personId, personId)))
  if (!row) throw new NotFoundError(`No section 47 enquiry ${id} for person ${personId}`)
  return row
}

/** Changes an enquiry: usually to record its outcome when it concludes. */
export async function updateSection47(
  db: Db,
  actor: Actor,
  personId: number,
  id: number,
  expectedVersion: number,
  raw: Section47Input,
): Promise<number> {
  return db.transaction(async (tx) => {
    const current = await getSection47(tx, personId, id)
    if (current.version !== expectedVersion)
      conflict('section 47 enquiry', await changesSince(tx, 'section47', id, expectedVersion))
    const c = new Checker()
    const [discussion] = current.strategyDiscussionId
      ? await tx
          .select()
          .from(strategyDiscussion)
          .where(eq(strategyDiscussion.id, current.strategyDiscussionId))
      : []
    const input = checkSection47Input(raw, discussion ?? null, c)
    const [conference] = await tx
      .select({ heldOn: cpConference.heldOn })
      .from(cpConference)
      .where(eq(cpConference.section47Id, id))
    if (conference) {
      if (input.outcome && input.outcome !== 'icpc')
        c.add(
          'outcome',
          `An initial conference was held on ${longDate(conference.heldOn)}, so the outcome is a conference`,
        )
      if (input.startDate && input.startDate > conference.heldOn)
        c.add('startDate', `The enquiry cannot start after its conference on ${longDate(conference.heldOn)}`)
    }
    c.throwIfAny()
    const before = {
      startDate: current.startDate,
      outcome: current.outcome,
      outcomeDate: current.outcomeDate,
      icpcNotRequired: current.icpcNotRequired,
    }
    const changes = diffFields(before, input)
    if (changes.length === 0) return current.version
    const version = current.version + 1
    const updated = await tx
      .update(section47)
      .set({ ...input, version })
      .where(and(eq(section47.id, id), eq(section47.version, expectedVersion)))
      .returning({ id: section47.id })
    if (updated.length === 0) conflict('section 47 enquiry', [])
    await recordChanges(tx, actor, { entityType: 'section47', entityId: id, personId, version, changes })
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'section47',
      subjectId: id,
      personId,
      detail: { fields: changes.map((ch) => ch.field) },
    })
    return version
  })
}

// ---------------------------------------------------------------------------------------------------------
// Conferences

export interface ConferenceInput {
  heldOn: string
  chairWorkerId: number | null
  /** Who took part: agencies and family members, one each. */
  participants: string[]
  childContribution: string | null
  /** Why the child's views were not sought, or how they were shared. */
  childContributionNote?: string | null
  childsViews?: string | null
  category?: string | null
  /** The conference's reasons for its decision. */
  rationale: string | null
}

export interface FirstActionInput {
  description: string
  owner: string
  dueDate: string
  measure: string
}

export interface InitialConferenceInput extends ConferenceInput {
  section47Id: number | null
  decision: string | null
  /** Optional start of the plan document; the plan can also be written afterwards on the plans page. */
  firstOutcome?: string | null
  firstAction?: FirstActionInput | null
  contingency?: string | null
}

export interface ReviewConferenceInput extends ConferenceInput {
  decision: string | null
  endReason?: string | null
}

function checkConferenceCommon(input: ConferenceInput, c: Checker) {
  const heldOn = checkDate(c, 'heldOn', 'the date of the conference', input.heldOn, { required: true })
  const participants = lines(input.participants)
  c.check(participants.length > 0, 'participants', 'List who took part in the conference')
  const contribution = blank(input.childContribution)
  const note = blank(input.childContributionNote)
  const childsViews = blank(input.childsViews)
  if (!isOneOf(CHILD_CONTRIBUTIONS, contribution))
    c.add('childContribution', 'Say how the child contributed to the conference')
  else if (contribution === 'not-sought')
    c.check(note !== null, 'childContributionNote', 'Say why the child’s views were not sought')
  else if (contribution === 'views-shared-another-way') {
    c.check(note !== null, 'childContributionNote', 'Say how the child’s views were shared')
    c.check(childsViews !== null, 'childsViews', 'Record the child’s views')
  } else c.check(childsViews !== null, 'childsViews', 'Record the child’s views')
  const rationale = blank(input.rationale)
  c.check(rationale !== null, 'rationale', 'Explain the reasons for the conference’s decision')
  return {
    heldOn: heldOn!,
    participants,
    childContribution: contribution as ChildContribution,
    childAttended: contribution === 'attended',
    childContributionNote: note,
    childsViews,
    rationale: rationale!,
  }
}

function checkCategory(raw: string | null | undefined, required: boolean, c: Checker): string | null {
  const category = blank(raw)
  if (category === null) {
    if (required) c.add('category', 'Choose the category of abuse for the plan')
    return null
  }
  if (!isCinCode('CategoryOfAbuse', category)) {
    c.add('category', 'Choose a category of abuse from the list')
    return null
  }
  return category
}

function checkFirstAction(input: InitialConferenceInput, heldOn: string | null, c: Checker) {
  const a = input.firstAction
  if (!a) return null
  const description = a.description.trim()
  const owner = a.owner.trim()
  const measure = a.measure.trim()
  if (!description && !owner && !measure && !a.dueDate) return null
  c.check(description !== '', 'actionDescription', 'Say what the first action is')
  c.check(owner !== '', 'actionOwner', 'Say who will do the first action')
  c.check(measure !== '', 'actionMeasure', 'Say how progress on the first action will be measured')
  const dueDate = checkDate(c, 'actionDueDate', 'when the first action is due', a.dueDate, {
    required: true,
    allowFuture: true,
  })
  if (dueDate && heldOn && dueDate < heldOn)
    c.add('actionDueDate', 'The first action cannot be due before the conference')
  return { description, ownerDescription: owner, measure, dueDate: dueDate! }
}

/**
 * Records an initial child protection conference. A decision of 'plan' starts the child protection plan
 * (start = the conference date, initial and latest category), writes its plan document and allocates the
 * chair, all in the same transaction.
 */
export async function recordInitialConference(
  db: Db,
  actor: Actor,
  personId: number,
  input: InitialConferenceInput,
): Promise<{ conferenceId: number; cpPlanId: number | null; planId: number | null }> {
  return db.transaction(async (tx) => {
    const c = new Checker()
    const common = checkConferenceCommon(input, c)
    const chair = await checkChair(tx, input.chairWorkerId, c)
    let enquiry: typeof section47.$inferSelect | null = null
    if (!input.section47Id) c.add('section47Id', 'Choose the section 47 enquiry that led to the conference')
    else {
      const [found] = await tx
        .select()
        .from(section47)
        .where(and(eq(section47.id, input.section47Id), eq(section47.personId, personId)))
      if (!found) c.add('section47Id', 'Choose a section 47 enquiry about this child')
      else if (found.icpcNotRequired || (found.outcome !== null && found.outcome !== 'icpc'))
        c.add('section47Id', 'That enquiry’s outcome was not a conference')
      else {
        const [held] = await tx
          .select({ heldOn: cpConference.heldOn })
          .from(cpConference)
          .where(eq(cpConference.section47Id, found.id))
        if (held)
          c.add('section47Id', `The initial conference for that enquiry was held on ${longDate(held.heldOn)}`)
        else enquiry = found
        await openReferral(tx, personId, found.referralId, c, 'section47Id')
      }
    }
    if (common.heldOn && enquiry && common.heldOn < enquiry.startDate)
      c.add(
        'heldOn',
        `The conference cannot be before the section 47 enquiry started on ${longDate(enquiry.startDate)}`,
      )
    else if (common.heldOn && !c.errors.heldOn && isWeekend(common.heldOn))
      c.add('heldOn', 'An initial conference cannot be on a Saturday or Sunday')
    const decision = blank(input.decision)
    if (!isOneOf(['plan', 'no-plan'] as const, decision))
      c.add('decision', 'Choose whether the child needs a child protection plan')
    const makesPlan = decision === 'plan'
    const category = checkCategory(input.category, makesPlan, c)
    const firstOutcome = makesPlan ? blank(input.firstOutcome) : null
    const firstAction = makesPlan ? checkFirstAction(input, common.heldOn, c) : null
    if (makesPlan) {
      const [open] = await tx
        .select({ startDate: cpPlan.startDate })
        .from(cpPlan)
        .where(and(eq(cpPlan.personId, personId), isNull(cpPlan.endDate)))
      if (open)
        c.add('decision', `The child already has a child protection plan, since ${longDate(open.startDate)}`)
    }
    c.throwIfAny()
    const ref = enquiry!
    const conferenceValues = {
      referralId: ref.referralId,
      personId,
      kind: 'initial' as const,
      section47Id: ref.id,
      chairWorkerId: chair!.id,
      ...common,
      decision: decision as 'plan' | 'no-plan',
      category: makesPlan ? category : null,
    }
    const [created] = await tx
      .insert(cpConference)
      .values(conferenceValues)
      .returning({ id: cpConference.id })
    const conferenceId = created!.id
    let cpPlanId: number | null = null
    let planId: number | null = null
    if (makesPlan) {
      const [p] = await tx
        .insert(cpPlan)
        .values({
          referralId: ref.referralId,
          personId,
          startDate: common.heldOn,
          initialCategory: category!,
          latestCategory: category!,
        })
        .returning({ id: cpPlan.id })
      cpPlanId = p!.id
      await tx.update(cpConference).set({ cpPlanId }).where(eq(cpConference.id, conferenceId))
      await recordChanges(tx, actor, {
        entityType: 'cp-plan',
        entityId: cpPlanId,
        personId,
        version: 1,
        changes: diffFields(null, {
          referralId: ref.referralId,
          startDate: common.heldOn,
          initialCategory: category,
          latestCategory: category,
        }),
        reason: 'Initial child protection conference',
      })
      await logAccess(tx, actor, { action: 'create', subjectType: 'cp-plan', subjectId: cpPlanId, personId })
      planId = await createPlan(
        tx,
        actor,
        {
          kind: 'child-protection',
          cpPlanId,
          referralId: ref.referralId,
          personId,
          startDate: common.heldOn,
          nextReviewDue: addMonths(common.heldOn, 3),
          contingency: blank(input.contingency),
          outcomes: firstOutcome ? [firstOutcome] : [],
          actions: firstAction ? [{ ...firstAction, outcome: firstOutcome ? 0 : null }] : [],
        },
        'Plan made at the initial child protection conference',
      )
      await allocate(tx, actor, {
        personId,
        teamId: chair!.teamId,
        workerId: chair!.id,
        kind: 'cp-chair',
        startedOn: common.heldOn,
      })
    }
    await recordChanges(tx, actor, {
      entityType: 'cp-conference',
      entityId: conferenceId,
      personId,
      version: 1,
      changes: diffFields(null, { ...conferenceValues, cpPlanId }),
    })
    await logAccess(tx, actor, {
      action: 'create',
      subjectType: 'cp-conference',
      subjectId: conferenceId,
      personId,
      detail: { kind: 'initial', decision },
    })
    return { conferenceId, cpPlanId, planId }
  })
}

export async function getCpPlan(db: DbOrTx, personId: number, cpPlanId: number) {
  const [row] = await db
    .select()
    .from(cpPlan)
    .where(and(eq(cpPlan.id, cpPlanId), eq(cpPlan.personId, personId)))
  if (!row) throw new NotFoundError(`No child protection plan ${cpPlanId} for person ${personId}`)
  return row
}

/**
 * Records a review child protection conference on a plan. It continues the plan (the category may change,
 * becoming the plan's latest category) or ends it, with the reason and the conference's rationale. The
 * plan's version guards against two people recording reviews of the same plan at once.
 */
export async function recordReviewConference(
  db: Db,
  actor: Actor,
  personId: number,
  cpPlanId: number,
  expectedVersion: number,
  input: ReviewConferenceInput,
): Promise<{ conferenceId: number }> {
  return db.transaction(async (tx) => {
    const current = await getCpPlan(tx, personId, cpPlanId)
    if (current.version !== expectedVersion)
      conflict('child protection plan', await changesSince(tx, 'cp-plan', cpPlanId, expectedVersion))
    const c = new Checker()
    if (current.endDate) c.add('heldOn', `This plan ended on ${longDate(current.endDate)}`)
    const common = checkConferenceCommon(input, c)
    const chair = await checkChair(tx, input.chairWorkerId, c)
    const [last] = await tx
      .select({ heldOn: sql<string>`max(${cpConference.heldOn})` })
      .from(cpConference)
      .where(eq(cpConference.cpPlanId, cpPlanId))
    if (common.heldOn && common.heldOn <= current.startDate)
      c.add('heldOn', `A review conference must be after the plan started on ${longDate(current.startDate)}`)
    else if (common.heldOn && last?.heldOn && common.heldOn <= last.heldOn)
      c.add('heldOn', `A review conference must be after the last conference on ${longDate(last.heldOn)}`)
    const decision = blank(input.decision)
    if (!isOneOf(['continue-plan', 'end-plan'] as const, decision))
      c.add('decision', 'Choose whether the plan continues or ends')
    const ends = decision === 'end-plan'
    const category = checkCategory(input.category, decision === 'continue-plan', c)
    const endReason = ends ? blank(input.endReason) : null
    if (ends && !isOneOf(CP_END_REASONS, endReason)) c.add('endReason', 'Choose why the plan is ending')
    const stepsDown = ends && endReason === 'step-down-cin'
    if (stepsDown) {
      const cin = await currentPlanOfKind(tx, personId, 'child-in-need')
      if (cin)
        c.add(
          'endReason',
          `The child already has a child in need plan, started ${longDate(cin.startDate)}: end it first, or choose another reason`,
        )
    }
    c.throwIfAny()

    const conferenceValues = {
      referralId: current.referralId,
      personId,
      kind: 'review' as const,
      cpPlanId,
      chairWorkerId: chair!.id,
      ...common,
      decision: decision as 'continue-plan' | 'end-plan',
      category,
    }
    const [created] = await tx
      .insert(cpConference)
      .values(conferenceValues)
      .returning({ id: cpConference.id })
    const conferenceId = created!.id
    await recordChanges(tx, actor, {
      entityType: 'cp-conference',
      entityId: conferenceId,
      personId,
      version: 1,
      changes: diffFields(null, conferenceValues),
    })
    await logAccess(tx, actor, {
      action: 'create',
      subjectType: 'cp-conference',
      subjectId: conferenceId,
      personId,
      detail: { kind: 'review', decision },
    })

    // The plan itself: a new latest category, or its end (a step-down ends it in the plans service).
    const set: Partial<typeof cpPlan.$inferSelect> = {}
    if (category) set.latestCategory = category
    if (ends && !stepsDown) {
      set.endDate = common.heldOn
      set.endReason = endReason as CpEndReason
      set.endRationale = common.rationale
    }
    const before = Object.fromEntries(
      Object.keys(set).map((k) => [k, current[k as keyof typeof current] ?? null]),
    )
    const changes = diffFields(before, set)
    // Every review moves the plan on a version, so a second review based on the old one is refused.
    const version = current.version + 1
    const updated = await tx
      .update(cpPlan)
      .set({ ...set, version })
      .where(and(eq(cpPlan.id, cpPlanId), eq(cpPlan.version, expectedVersion)))
      .returning({ id: cpPlan.id })
    if (updated.length === 0) conflict('child protection plan', [])
    await recordChanges(tx, actor, {
      entityType: 'cp-plan',
      entityId: cpPlanId,
      personId,
      version,
      changes:
        changes.length > 0
          ? changes
          : [{ field: 'reviewedOn', oldValue: last?.heldOn ?? null, newValue: common.heldOn }],
      reason: 'Review child protection conference',
    })
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'cp-plan',
      subjectId: cpPlanId,
      personId,
      detail: { fields: changes.map((ch) => ch.field), conferenceId },
    })

    if (ends) {
      // A step-down ends the plan and its document and continues it as a child in need plan.
      if (stepsDown)
        await stepDownToChildInNeed(tx, actor, { cpPlanId, date: common.heldOn, rationale: common.rationale })
      else await endPlanDocument(tx, actor, personId, cpPlanId, common.heldOn)
      // The chair's involvement ends with the plan.
      await tx
        .update(allocation)
        .set({ endedOn: sql`greatest(${allocation.startedOn}, ${common.heldOn}::date)` })
        .where(
          and(eq(allocation.personId, personId), eq(allocation.kind, 'cp-chair'), isNull(allocation.endedOn)),
        )
      await logAccess(tx, actor, {
        action: 'change',
        subjectType: 'allocation',
        personId,
        detail: { kind: 'cp-chair', ended: common.heldOn },
      })
    } else {
      await moveNextReview(tx, actor, personId, cpPlanId, addMonths(common.heldOn, 6))
      const [currentChair] = await tx
        .select({ workerId: allocation.workerId })
        .from(allocation)
        .where(
          and(eq(allocation.personId, personId), eq(allocation.kind, 'cp-chair'), isNull(allocation.endedOn)),
        )
      if (currentChair?.workerId !== chair!.id)
        await allocate(tx, actor, {
          personId,
          teamId: chair!.teamId,
          workerId: chair!.id,
          kind: 'cp-chair',
          startedOn: common.heldOn,
        })
    }
    return { conferenceId }
  })
}

/** The plan document of a child protection plan, if one was written. */
async function planDocumentOf(tx: DbOrTx, cpPlanId: number) {
  const [doc] = await tx
    .select({ id: plan.id, version: plan.version, endDate: plan.endDate, nextReviewDue: plan.nextReviewDue })
    .from(plan)
    .where(and(eq(plan.cpPlanId, cpPlanId), eq(plan.kind, 'child-protection')))
  return doc ?? null
}

/** Ends the plan document with the plan, as a new version of it. */
async function endPlanDocument(
  tx: DbOrTx,
  actor: Actor,
  personId: number,
  cpPlanId: number,
  endDate: string,
) {
  const doc = await planDocumentOf(tx, cpPlanId)
  if (!doc || doc.endDate) return
  const version = doc.version + 1
  await tx
    .update(plan)
    .set({ endDate, version, updatedAt: new Date(), updatedBy: actor.user.id })
    .where(eq(plan.id, doc.id))
  await savePlanVersion(tx, actor, doc.id, version, 'Plan ended at a review child protection conference')
  await logAccess(tx, actor, {
    action: 'change',
    subjectType: 'plan',
    subjectId: doc.id,
    personId,
    detail: { fields: ['endDate'] },
  })
}

/** Sets when the next review conference is due on the plan document (3 months after the ICPC, then 6-monthly). */
async function moveNextReview(tx: DbOrTx, actor: Actor, personId: number, cpPlanId: number, due: string) {
  const doc = await planDocumentOf(tx, cpPlanId)
  if (!doc || doc.endDate || doc.nextReviewDue === due) return
  const version = doc.version + 1
  await tx
    .update(plan)
    .set({ nextReviewDue: due, version, updatedAt: new Date(), updatedBy: actor.user.id })
    .where(eq(plan.id, doc.id))
  await savePlanVersion(tx, actor, doc.id, version, 'Next review set by a review child protection conference')
  await logAccess(tx, actor, {
    action: 'change',
    subjectType: 'plan',
    subjectId: doc.id,
    personId,
    detail: { fields: ['nextReviewDue'] },
  })
}

// ---------------------------------------------------------------------------------------------------------
// Core groups

export interface CoreGroupInput {
  heldOn: string
  attendees: string[]
  summary: string | null
}

export async function recordCoreGroup(
  db: Db,
  actor: Actor,
  personId: number,
  cpPlanId: number,
  raw: CoreGroupInput,
): Promise<number> {
  return db.transaction(async (tx) => {
    const current = await getCpPlan(tx, personId, cpPlanId)
    const c = new Checker()
    const heldOn = checkDate(c, 'heldOn', 'the date of the core group meeting', raw.heldOn, {
      required: true,
    })
    if (heldOn && heldOn < current.startDate)
      c.add('heldOn', `The core group cannot meet before the plan started on ${longDate(current.startDate)}`)
    else if (heldOn && current.endDate && heldOn > current.endDate)
      c.add('heldOn', `The plan ended on ${longDate(current.endDate)}: a core group cannot meet after it`)
    const attendees = lines(raw.attendees)
    c.check(attendees.length > 0, 'attendees', 'List who attended the core group')
    const summary = blank(raw.summary)
    c.check(summary !== null, 'summary', 'Summarise the meeting: progress on the plan and what was agreed')
    c.throwIfAny()
    const values = { cpPlanId, personId, heldOn: heldOn!, attendees, summary }
    const [created] = await tx.insert(coreGroup).values(values).returning({ id: coreGroup.id })
    const id = created!.id
    await recordChanges(tx, actor, {
      entityType: 'core-group',
      entityId: id,
      personId,
      version: 1,
      changes: diffFields(null, values),
    })
    await logAccess(tx, actor, { action: 'create', subjectType: 'core-group', subjectId: id, personId })
    return id
  })
}

// ---------------------------------------------------------------------------------------------------------
// The child's child protection record, read whole

export interface TimelineEvent {
  date: string
  order: number
  event: string
  detail: string
}

/**
 * Everything about child protection for one child, in order, with what is derived from it: the ICPC target
 * date, when the first core group and next review are due, and the number of previous plans.
 */
export async function childProtectionRecord(db: DbOrTx, personId: number, asAt = today()) {
  const [discussions, enquiries, conferences, plans, coreGroups, referrals, chairs] = await Promise.all([
    db
      .select()
      .from(strategyDiscussion)
      .where(eq(strategyDiscussion.personId, personId))
      .orderBy(asc(strategyDiscussion.heldOn), asc(strategyDiscussion.id)),
    db
      .select()
      .from(section47)
      .where(eq(section47.personId, personId))
      .orderBy(asc(section47.startDate), asc(section47.id)),
    db
      .select()
      .from(cpConference)
      .where(eq(cpConference.personId, personId))
      .orderBy(asc(cpConference.heldOn), asc(cpConference.id)),
    db
      .select()
      .from(cpPlan)
      .where(eq(cpPlan.personId, personId))
      .orderBy(asc(cpPlan.startDate), asc(cpPlan.id)),
    db
      .select()
      .from(coreGroup)
      .where(eq(coreGroup.personId, personId))
      .orderBy(asc(coreGroup.heldOn), asc(coreGroup.id)),
    db.select().from(referral).where(eq(referral.personId, personId)).orderBy(asc(referral.referralDate)),
    conferenceChairs(db),
  ])
  const chairIds = [
    ...new Set(conferences.map((c) => c.chairWorkerId).filter((id): id is number => id !== null)),
  ]
  const chairNames = new Map(chairs.map((ch) => [ch.id, ch.name]))
  const missing = chairIds.filter((id) => !chairNames.has(id))
  if (missing.length > 0) {
    const former = await db
      .select({ id: worker.id, name: sql<string>`${worker.givenName} || ' ' || ${worker.familyName}` })
      .from(worker)
      .where(inArray(worker.id, missing))
    for (const f of former) chairNames.set(f.id, f.name)
  }
  const planDocs =
    plans.length === 0
      ? []
      : await db
          .select({ id: plan.id, cpPlanId: plan.cpPlanId })
          .from(plan)
          .where(and(eq(plan.personId, personId), eq(plan.kind, 'child-protection')))

  const safeAddWorkingDays = (date: string, n: number) => {
    try {
      return addWorkingDays(date, n)
    } catch {
      return null
    }
  }

  const conferenceViews = conferences.map((conf) => ({
    ...conf,
    kindLabel: CONFERENCE_KIND_LABELS[conf.kind],
    chairName: conf.chairWorkerId ? (chairNames.get(conf.chairWorkerId) ?? null) : null,
    decisionLabel: CONFERENCE_DECISION_LABELS[conf.decision] ?? conf.decision,
    categoryLabel: categoryLabel(conf.category),
    contributionLabel: CHILD_CONTRIBUTION_LABELS[conf.childContribution],
  }))

  const discussionViews = discussions.map((d) => {
    const enquiry = enquiries.find((e) => e.strategyDiscussionId === d.id) ?? null
    const ref = referrals.find((r) => r.id === d.referralId)
    return {
      ...d,
      agencyLabels: d.agencies.map((a) => AGENCY_LABELS[a as StrategyAgency] ?? a),
      decisionLabel: STRATEGY_DECISION_LABELS[d.decision],
      section47Id: enquiry?.id ?? null,
      awaitingEnquiry:
        d.decision === 'section-47' &&
        !enquiry &&
        ref !== undefined &&
        ref.closureDate === null &&
        !ref.noFurtherAction,
    }
  })

  const enquiryViews = enquiries.map((e) => {
    const discussion = discussions.find((d) => d.id === e.strategyDiscussionId) ?? null
    const icpc = conferences.find((c) => c.section47Id === e.id && c.kind === 'initial') ?? null
    const ref = referrals.find((r) => r.id === e.referralId)
    const icpcTarget = discussion ? safeAddWorkingDays(discussion.heldOn, ICPC_TIMESCALE) : null
    return {
      ...e,
      outcomeLabel: e.outcome ? S47_OUTCOME_LABELS[e.outcome] : null,
      strategyDiscussionHeldOn: discussion?.heldOn ?? null,
      icpcTarget,
      icpcHeldOn: icpc?.heldOn ?? null,
      awaitingConference:
        !icpc &&
        !e.icpcNotRequired &&
        (e.outcome === null || e.outcome === 'icpc') &&
        ref !== undefined &&
        ref.closureDate === null,
    }
  })

  const planViews = plans.map((p, index) => {
    const mine = conferenceViews.filter((c) => c.cpPlanId === p.id)
    const groups = coreGroups.filter((g) => g.cpPlanId === p.id)
    const lastConference = mine.at(-1) ?? null
    const open = p.endDate === null
    const nextReviewDue = !open
      ? null
      : lastConference && lastConference.kind !== 'initial'
        ? addMonths(lastConference.heldOn, 6)
        : addMonths(p.startDate, 3)
    return {
      ...p,
      open,
      initialCategoryLabel: categoryLabel(p.initialCategory),
      latestCategoryLabel: categoryLabel(p.latestCategory),
      endReasonLabel: p.endReason ? CP_END_REASON_LABELS[p.endReason] : null,
      previousPlans: index,
      conferences: mine,
      coreGroups: groups,
      planDocumentId: planDocs.find((d) => d.cpPlanId === p.id)?.id ?? null,
      firstCoreGroupDue: safeAddWorkingDays(p.startDate, FIRST_CORE_GROUP_TIMESCALE),
      firstCoreGroupLate:
        groups.length === 0 &&
        open &&
        (safeAddWorkingDays(p.startDate, FIRST_CORE_GROUP_TIMESCALE) ?? asAt) < asAt,
      nextReviewDue,
      reviewOverdue: nextReviewDue !== null && nextReviewDue < asAt,
    }
  })

  const timeline: TimelineEvent[] = []
  for (const d of discussionViews)
    timeline.push({ date: d.heldOn, order: 1, event: 'Strategy discussion', detail: d.decisionLabel })
  for (const e of enquiryViews) {
    timeline.push({ date: e.startDate, order: 2, event: 'Section 47 enquiry started', detail: '' })
    if (e.outcome && e.outcomeDate)
      timeline.push({
        date: e.outcomeDate,
        order: 3,
        event: 'Section 47 enquiry outcome',
        detail: `${e.outcomeLabel}${e.icpcNotRequired ? ' – concerns substantiated, conference not required' : ''}`,
      })
  }
  for (const c of conferenceViews)
    timeline.push({
      date: c.heldOn,
      order: 4,
      event: c.kindLabel,
      detail: `${c.decisionLabel}${c.category ? ` – ${c.categoryLabel}` : ''}`,
    })
  for (const p of planViews) {
    timeline.push({
      date: p.startDate,
      order: 5,
      event: 'Child protection plan started',
      detail: p.initialCategoryLabel,
    })
    if (p.endDate)
      timeline.push({
        date: p.endDate,
        order: 6,
        event: 'Child protection plan ended',
        detail: p.endReasonLabel ?? '',
      })
  }
  for (const g of coreGroups)
    timeline.push({ date: g.heldOn, order: 7, event: 'Core group meeting', detail: '' })
  timeline.sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order)

  const currentPlan = planViews.find((p) => p.open) ?? null
  return {
    strategyDiscussions: discussionViews,
    section47s: enquiryViews,
    conferences: conferenceViews,
    plans: planViews,
    coreGroups,
    timeline,
    currentPlan,
    /** CIN census NumberOfPreviousCPP: plans before the current one, or every plan if none is current. */
    previousPlans: currentPlan ? currentPlan.previousPlans : plans.length,
    openReferrals: referrals.filter((r) => r.closureDate === null && !r.noFurtherAction),
  }
}

export type ChildProtectionRecord = Awaited<ReturnType<typeof childProtectionRecord>>
