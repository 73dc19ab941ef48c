import { and, eq, isNull } from 'drizzle-orm'
import { team, userAccount, worker } from '../../../src/db/schema/index.ts'
import {
  addCalendarDays,
  addMonths,
  type IsoDate,
  isWorkingDay,
  workingDaysBetween,
} from '../../../src/domain/calendar/working-days.ts'
import type { TestApp, TestClient } from '../../support/app.ts'

// Children built only through the JSON API, as the front door, a social worker, their manager and the
// conference chair would record them, for tests of the timescale and drift rules. Dates are chosen by the
// caller; every call must succeed, or the test stops with the API's answer.

/** The working day `n` working days before `date` (n >= 1): workingDaysBetween(result, date) === n. */
export function workingDaysBefore(date: IsoDate, n: number): IsoDate {
  let day = date
  for (;;) {
    day = addCalendarDays(day, -1)
    if (isWorkingDay(day) && workingDaysBetween(day, date) === n) return day
  }
}

export { addMonths }

export interface Staff {
  userId: number
  workerId: number
  teamId: number
  lineManagerId: number | null
}

/** The demo users, signed in, and who they are in the organisation. */
export interface Cast {
  frontdoor: TestClient
  socialworker: TestClient
  teammanager: TestClient
  iro: TestClient
  staff: { socialworker: Staff; teammanager: Staff; iro: Staff }
  frontDoorTeamId: number
  /** A personal adviser in a care leavers team, when a test needs one. */
  adviser?: Staff
  /** The social worker's team, with when each worker was in post (for visits before the worker joined). */
  team: { id: number; startedOn: string; leftOn: string | null }[]
}

async function staffOf(t: TestApp, username: string): Promise<Staff> {
  const [row] = await t.database.db
    .select({
      userId: userAccount.id,
      workerId: worker.id,
      teamId: worker.teamId,
      lineManagerId: worker.lineManagerId,
    })
    .from(userAccount)
    .innerJoin(worker, eq(worker.id, userAccount.workerId))
    .where(eq(userAccount.username, username))
  if (!row) throw new Error(`No worker for the demo user ${username}`)
  return row
}

/** A worker in post in a care leavers team (the demo users include none), to allocate as personal adviser. */
export async function personalAdviser(t: TestApp): Promise<Staff> {
  const [row] = await t.database.db
    .select({ workerId: worker.id, teamId: worker.teamId, lineManagerId: worker.lineManagerId })
    .from(worker)
    .innerJoin(team, eq(team.id, worker.teamId))
    .where(and(eq(team.kind, 'care-leavers'), isNull(worker.leftOn)))
    .orderBy(worker.id)
    .limit(1)
  if (!row) throw new Error('No worker in a care leavers team')
  return { userId: 0, ...row }
}

export async function signInCast(t: TestApp): Promise<Cast> {
  const frontdoor = await t.signedIn('frontdoor')
  const teams = await call<{ id: number; kind: string }[]>(frontdoor, 'GET', '/teams')
  const frontDoorTeam = teams.filter((team) => team.kind === 'front-door').sort((a, b) => a.id - b.id)[0]
  if (!frontDoorTeam) throw new Error('No front door team')
  return {
    frontdoor,
    socialworker: await t.signedIn('socialworker'),
    teammanager: await t.signedIn('teammanager'),
    iro: await t.signedIn('iro'),
    staff: {
      socialworker: await staffOf(t, 'socialworker'),
      teammanager: await staffOf(t, 'teammanager'),
      iro: await staffOf(t, 'iro'),
    },
    frontDoorTeamId: frontDoorTeam.id,
    team: await t.database.db
      .select({ id: worker.id, startedOn: worker.startedOn, leftOn: worker.leftOn })
      .from(worker)
      .where(eq(worker.teamId, (await staffOf(t, 'socialworker')).teamId))
      .orderBy(worker.startedOn, worker.id),
  }
}

type Method = 'GET' | 'POST' | 'PUT'

/** A JSON API call under /api/v1 that must succeed; returns the parsed body. */
export async function call<T>(client: TestClient, method: Method, url: string, body?: unknown): Promise<T> {
  const response = await client.api(method, `/api/v1${url}`, body)
  if (response.statusCode >= 300)
    throw new Error(`${method} /api/v1${url} answered ${response.statusCode}: ${response.body}`)
  return (response.body ? JSON.parse(response.body) : undefined) as T
}

let children = 0

interface PlanView {
  version: number
  plan: { actions: { id: number; status: string; dueDate: string }[] }
}

/** One child's record, built step by step through the API by the person who would do each step. */
export class Journey {
  readonly c: Cast
  readonly personId: number
  readonly givenName: string

  private constructor(c: Cast, personId: number, givenName: string) {
    this.c = c
    this.personId = personId
    this.givenName = givenName
  }

  /** The front door records a new child (aged 10 in 2026, so old enough to be seen alone). */
  static async start(c: Cast, givenName: string, dateOfBirth: IsoDate = '2016-03-10'): Promise<Journey> {
    children++
    const { id } = await call<{ id: number }>(c.frontdoor, 'POST', '/children', {
      givenName,
      familyName: `Driftwood${children}`,
      dateOfBirth,
      sex: children % 2 ? 'F' : 'M',
      confirmNotDuplicate: true,
    })
    return new Journey(c, id, givenName)
  }

  private get base() {
    return `/children/${this.personId}`
  }

  /** A contact to the front door, received that morning; returns its id. */
  async contact(receivedOn: IsoDate): Promise<number> {
    const { id } = await call<{ id: number }>(this.c.frontdoor, 'POST', `${this.base}/contacts`, {
      receivedDate: receivedOn,
      receivedTime: '09:30',
      source: '2A',
      contactName: 'Ms R. Patel',
      contactRole: 'Designated safeguarding lead',
      concerns: `${this.givenName} came to school with bruising and said home was frightening.`,
      consent: 'given',
    })
    return id
  }

  /**
   * A contact and, the same afternoon, the front door's decision (agreed by the team manager) to refer the
   * child to the social worker's team and allocate them to the social worker. Returns the referral's id.
   */
  async referral(on: IsoDate): Promise<number> {
    const contactId = await this.contact(on)
    const { socialworker, teammanager } = this.c.staff
    const { referralId } = await call<{ referralId: number }>(
      this.c.frontdoor,
      'POST',
      `${this.base}/contacts/${contactId}/decision`,
      {
        version: 1,
        decision: 'referral',
        decisionDate: on,
        decisionTime: '14:00',
        rationale: 'Injuries and the child’s account meet the threshold for a social work assessment.',
        agreedBy: teammanager.userId,
        primaryNeed: 'N1',
        teamId: socialworker.teamId,
        workerId: socialworker.workerId,
      },
    )
    return referralId
  }

  /**
   * A single assessment, started by the social worker; completed by them and authorised by the manager when
   * dates are given. `identity: false` leaves identity and culture empty.
   */
  async assessment(
    referralId: number,
    dates: { start: IsoDate; completed?: IsoDate; authorised?: IsoDate },
    options: { identity?: boolean; outcome?: string } = {},
  ): Promise<number> {
    const { id } = await call<{ id: number }>(this.c.socialworker, 'POST', `${this.base}/assessments`, {
      referralId,
      startDate: dates.start,
      factors: ['3B', '4B'],
      livedExperience: `${this.givenName} is quiet at home and lively at school.`,
      identityAndCulture:
        options.identity === false
          ? null
          : `${this.givenName} is of Nigerian and English heritage, speaks English and Yoruba, and goes to church with grandma.`,
      childsViews: 'Wants the shouting at home to stop and to keep seeing grandma.',
      parentalCapacity: 'Mother meets daily care needs; her own health affects the evenings.',
      analysis: 'Needs are met in the day; risk is in the evenings when mother is unwell.',
      outcome: options.outcome ?? 'cin-plan',
      nextSteps: 'A plan with the family and school.',
    })
    if (dates.completed) {
      await call(this.c.socialworker, 'POST', `${this.base}/assessments/${id}/complete`, {
        version: 1,
        completedOn: dates.completed,
      })
      if (dates.authorised)
        await call(this.c.teammanager, 'POST', `${this.base}/assessments/${id}/authorise`, {
          version: 2,
          authorisedOn: dates.authorised,
        })
    }
    return id
  }

  /** The team manager records management oversight on the child's record. */
  async oversight(on: IsoDate, kind = 'case-review'): Promise<void> {
    await call(this.c.teammanager, 'POST', `${this.base}/oversight`, {
      kind,
      recordedOn: on,
      decision: 'Continue the current plan of support for the child.',
      rationale:
        'The child is seen regularly, school reports better attendance, and mother is engaging with her own support.',
    })
  }

  /**
   * Who visited on a date: the social worker, or before they joined, a colleague in their team then in post.
   */
  private visitor(on: IsoDate): number {
    const sw = this.c.staff.socialworker.workerId
    const inPost = (w: { startedOn: string; leftOn: string | null }) =>
      w.startedOn <= on && (w.leftOn === null || w.leftOn > on)
    const me = this.c.team.find((w) => w.id === sw)
    if (!me || inPost(me)) return sw
    const other = this.c.team.find(inPost)
    if (!other) throw new Error(`No one in the social worker's team was in post on ${on}`)
    return other.id
  }

  /** The social worker visits; the child is seen (alone unless said otherwise). */
  async visit(on: IsoDate, options: { alone?: boolean; seen?: boolean; kind?: string } = {}): Promise<void> {
    const seen = options.seen ?? true
    await call(this.c.socialworker, 'POST', `${this.base}/visits`, {
      visitedOn: on,
      visitedBy: this.visitor(on),
      kind: options.kind ?? 'cin',
      childSeen: seen,
      childSeenAlone: seen && (options.alone ?? true),
      bedroomSeen: true,
      wishesAndFeelings: seen ? 'Said school is fine and home is calmer; drew the three houses.' : null,
      observations: 'Home warm and tidy; food in the cupboards.',
      analysis: 'No new concerns; the plan is helping.',
    })
  }

  /** The social worker makes a child in need plan with actions due on the dates given; returns its id. */
  async cinPlan(start: IsoDate, actionsDue: IsoDate[]): Promise<number> {
    const { id } = await call<{ id: number }>(this.c.socialworker, 'POST', `${this.base}/plans`, {
      kind: 'child-in-need',
      startDate: start,
      nextReviewDue: addMonths(start, 3),
      contingency: 'A strategy discussion if the child reports feeling unsafe again.',
      nonEngagementStrategy:
        'The team manager writes to mother and the plan is reviewed within 10 working days.',
      outcomes: [`${this.givenName} feels safe at home in the evenings`],
      actions: actionsDue.map((dueDate, i) => ({
        outcome: 0,
        description: `Action ${i + 1} of the plan for ${this.givenName}`,
        ownerDescription: 'Mother, with the family support worker',
        dueDate,
        measure: 'Reported at the next review',
      })),
    })
    return id
  }

  async plan(planId: number): Promise<PlanView> {
    return call<PlanView>(this.c.socialworker, 'GET', `${this.base}/plans/${planId}`)
  }

  /**
   * The social worker records a review of the plan, with the child's views (or, with `views: false`, that
   * they were not sought); open actions are on track unless named as done.
   */
  async planReview(
    planId: number,
    heldOn: IsoDate,
    options: { views?: boolean; done?: number[] } = {},
  ): Promise<void> {
    const current = await this.plan(planId)
    const views = options.views ?? true
    await call(this.c.socialworker, 'POST', `${this.base}/plans/${planId}/reviews`, {
      version: current.version,
      heldOn,
      attendance: ['parents-carers', 'social-care', 'education'],
      childContribution: views ? 'attended' : 'not-sought',
      childContributionNote: views ? null : 'The review was held in school hours.',
      childsViews: views ? 'Wants to keep going to the after-school club.' : null,
      actionProgress: current.plan.actions
        .filter((a) => a.status === 'open')
        .map((a) => ({ actionId: a.id, progress: options.done?.includes(a.id) ? 'done' : 'on-track' })),
      decisions: 'The plan continues; mother to keep attending the Freedom Programme.',
      nextReviewDue: addMonths(heldOn, 3),
    })
  }

  /** The social worker changes the plan: a new action, with the reason. */
  async updatePlan(planId: number, newActionDue: IsoDate): Promise<void> {
    const current = await this.plan(planId)
    await call(this.c.socialworker, 'PUT', `${this.base}/plans/${planId}`, {
      version: current.version,
      reason: 'School asked for a weekly check-in.',
      actions: [
        {
          description: 'Weekly check-in with the school’s safeguarding lead',
          ownerDescription: 'Designated safeguarding lead',
          dueDate: newActionDue,
          measure: 'Notes of each check-in',
        },
      ],
    })
  }

  /** A strategy discussion deciding on a section 47 enquiry, and the enquiry, concluding for a conference. */
  async section47(referralId: number, discussedOn: IsoDate, concludedOn: IsoDate): Promise<number> {
    const { id: discussionId } = await call<{ id: number }>(
      this.c.socialworker,
      'POST',
      `${this.base}/strategy-discussions`,
      {
        referralId,
        heldOn: discussedOn,
        agencies: ['social-care', 'police', 'health'],
        decision: 'section-47',
        rationale: 'Unexplained injuries: reasonable cause to suspect significant harm.',
      },
    )
    const { id } = await call<{ id: number }>(this.c.socialworker, 'POST', `${this.base}/section47s`, {
      strategyDiscussionId: discussionId,
      startDate: discussedOn,
      outcome: 'icpc',
      outcomeDate: concludedOn,
    })
    return id
  }

  /** The initial conference (chaired by the demo IRO) making a child protection plan; returns the plan. */
  async initialConference(section47Id: number, heldOn: IsoDate): Promise<number> {
    const { cpPlanId } = await call<{ cpPlanId: number }>(
      this.c.socialworker,
      'POST',
      `${this.base}/conferences`,
      {
        kind: 'initial',
        section47Id,
        heldOn,
        chairWorkerId: this.c.staff.iro.workerId,
        participants: ['Mother', 'Police – DC Shah', 'School – designated safeguarding lead'],
        childContribution: 'attended',
        childsViews: 'Said they are scared when dad shouts.',
        decision: 'plan',
        category: 'NEG',
        rationale: 'Continuing risk of significant harm from neglect.',
      },
    )
    return cpPlanId
  }

  async coreGroup(cpPlanId: number, heldOn: IsoDate): Promise<void> {
    await call(this.c.socialworker, 'POST', `${this.base}/core-groups`, {
      cpPlanId,
      heldOn,
      attendees: ['Mother', 'Health visitor', 'Social worker'],
      summary: 'Plan explained to mother; first actions agreed.',
    })
  }

  /**
   * The chair records a review conference ending the plan: stepping down to a child in need plan, or ending
   * it because it is no longer needed.
   */
  async endPlanAtReview(cpPlanId: number, heldOn: IsoDate, endReason: 'step-down-cin' | 'no-longer-needed') {
    const plans = await call<{ id: number; version: number }[]>(this.c.iro, 'GET', `${this.base}/cp-plans`)
    const current = plans.find((p) => p.id === cpPlanId)
    if (!current) throw new Error(`No child protection plan ${cpPlanId}`)
    await call(this.c.iro, 'POST', `${this.base}/conferences`, {
      kind: 'review',
      cpPlanId,
      version: current.version,
      heldOn,
      chairWorkerId: this.c.staff.iro.workerId,
      participants: ['Mother', 'School – designated safeguarding lead'],
      childContribution: 'attended',
      childsViews: 'Said things are better at home now.',
      decision: 'end-plan',
      endReason,
      rationale: 'Risk reduced: mother has engaged and the child is safe at home.',
    })
  }

  /** Someone new comes to live in the child's household (a new person on the family and network page). */
  async newHouseholdMember(startedOn: IsoDate): Promise<void> {
    await call(this.c.socialworker, 'POST', `${this.base}/relationships`, {
      type: 'household-member',
      sameHousehold: true,
      startedOn,
      newPerson: { givenName: 'Dean', familyName: `Lodger${this.personId}`, dateOfBirth: '1990-02-02' },
      confirmNotDuplicate: true,
    })
  }

  /** The child's mother, living with them since they were born. */
  async mother(): Promise<void> {
    await call(this.c.socialworker, 'POST', `${this.base}/relationships`, {
      type: 'parent',
      parentalResponsibility: true,
      sameHousehold: true,
      startedOn: '2016-03-10',
      newPerson: {
        givenName: 'Grace',
        familyName: `Mother${this.personId}`,
        dateOfBirth: '1988-07-07',
        sex: 'F',
      },
      confirmNotDuplicate: true,
    })
  }

  // ——— Children in care, permanence and leaving care ———

  /** The version of the child's current (or last) period of care, as the looked-after API reports it. */
  private async periodVersion(): Promise<number> {
    const record = await call<{ periods: { id: number; version: number; endDate: string | null }[] }>(
      this.c.socialworker,
      'GET',
      `${this.base}/looked-after`,
    )
    const period = record.periods.find((p) => p.endDate === null) ?? record.periods[0]
    if (!period) throw new Error(`${this.givenName} has no period of care`)
    return period.version
  }

  /**
   * The social worker records the child coming into care on `on` (a care order, in foster care unless said
   * otherwise), with the demo IRO allocated from that day.
   */
  async startCare(
    on: IsoDate,
    options: { legalStatus?: string; placementType?: string; carerPersonId?: number } = {},
  ): Promise<{ periodOfCareId: number; placementId: number; carePlanId: number }> {
    return call(this.c.socialworker, 'POST', `${this.base}/looked-after/periods`, {
      startDate: on,
      categoryOfNeed: 'N1',
      homePostcode: 'M14 5RB',
      legalStatus: options.legalStatus ?? 'C2',
      iroWorkerId: this.c.staff.iro.workerId,
      placement: {
        placementType: options.placementType ?? 'U4',
        provider: 'PR1',
        providerName: options.carerPersonId ? null : 'Mr and Mrs Okafor',
        urn: 'XXXXXXX',
        carerPersonId: options.carerPersonId ?? null,
        postcode: 'M20 2AA',
        insideAuthority: true,
        distanceMiles: 3,
        longTerm: false,
      },
    })
  }

  async changeLegalStatus(on: IsoDate, code: string): Promise<void> {
    await call(this.c.socialworker, 'POST', `${this.base}/looked-after/legal-statuses`, {
      version: await this.periodVersion(),
      startDate: on,
      code,
    })
  }

  /** The child leaves care (at 18, staying with their carers). */
  async ceaseCare(on: IsoDate): Promise<void> {
    await call(this.c.socialworker, 'POST', `${this.base}/looked-after/cease`, {
      version: await this.periodVersion(),
      endDate: on,
      reasonCeased: 'E17',
      destination: 'Staying put with the foster carers',
      supportPlan: 'Pathway plan with the personal adviser; staying put arrangement funded to 21.',
    })
  }

  /** The IRO chairs a looked-after review (a baby's participation is PN0; an older child's views are heard). */
  async lacReview(on: IsoDate, options: { baby?: boolean } = {}): Promise<void> {
    await call(this.c.iro, 'POST', `${this.base}/looked-after/reviews`, {
      heldOn: on,
      participation: options.baby ? 'PN0' : 'PN1',
      childsViews: options.baby ? null : 'Likes the foster family; wants to see mum every week.',
      attendees: ['Foster carer', 'Social worker', 'Mother'],
      decisions: 'The care plan continues; contact with mother stays weekly.',
    })
  }

  /** A statutory visit to the child in care (seen alone unless said otherwise). */
  async statutoryVisit(on: IsoDate, options: { alone?: boolean } = {}): Promise<void> {
    await this.visit(on, { kind: 'statutory-looked-after', alone: options.alone })
  }

  async health(kind: 'initial-health-assessment' | 'review-health-assessment', on: IsoDate): Promise<void> {
    await call(this.c.socialworker, 'POST', `${this.base}/looked-after/health-records`, {
      kind,
      recordedOn: on,
    })
  }

  async pep(on: IsoDate): Promise<void> {
    await call(this.c.socialworker, 'POST', `${this.base}/looked-after/peps`, {
      heldOn: on,
      school: 'Hillside Primary School',
      designatedTeacher: 'Mrs J. Afolabi',
      virtualSchoolContact: 'Mr P. Grant',
      targets: 'Reading age to match chronological age by the summer; join the chess club.',
    })
  }

  /** The plan for permanence, `option` chosen over every other option. */
  async permanencePlan(on: IsoDate, option = 'long-term-fostering'): Promise<void> {
    const options = [
      'return-home',
      'connected-person',
      'special-guardianship',
      'long-term-fostering',
      'adoption',
      'early-permanence',
      'residential',
      'other',
    ].map((o) =>
      o === option || o === 'return-home'
        ? {
            option: o,
            considered: true,
            analysis:
              o === option
                ? 'Meets the child’s need for stability with carers they know.'
                : 'Mother’s circumstances have not changed enough for a safe return.',
          }
        : { option: o, considered: false, analysis: '' },
    )
    await call(this.c.socialworker, 'POST', `${this.base}/permanence/plans`, {
      decidedOn: on,
      chosenOption: option,
      rationale: 'The option that gives the child a secure family life for the rest of their childhood.',
      options,
    })
  }

  /** The IRO raises an issue under the dispute resolution process (response due 10 working days later). */
  async escalation(raisedOn: IsoDate): Promise<number> {
    const { id } = await call<{ id: number }>(this.c.iro, 'POST', `${this.base}/looked-after/escalations`, {
      stage: 'informal',
      raisedOn,
      issue: 'No plan for contact with the siblings since the child came into care.',
      respondent: 'Team manager',
    })
    return id
  }

  /**
   * The child goes missing on the evening of `from` and comes back the next morning; a return interview is
   * offered that afternoon (and declined) when `offered` is set.
   */
  async missing(from: IsoDate, options: { offered?: boolean } = {}): Promise<void> {
    const back = addCalendarDays(from, 1)
    await call(this.c.socialworker, 'POST', `${this.base}/looked-after/missing-episodes`, {
      kind: 'M',
      startedAt: `${from}T19:00`,
      endedAt: `${back}T09:00`,
      ...(options.offered
        ? { returnInterviewOfferedAt: `${back}T15:00`, returnInterviewAccepted: false }
        : {}),
    })
  }

  /** A relative in the child's network (not living with them); returns their person id. */
  async relative(type: string, givenName: string): Promise<number> {
    const { relatedPersonId } = await call<{ relatedPersonId: number }>(
      this.c.socialworker,
      'POST',
      `${this.base}/relationships`,
      {
        type,
        sameHousehold: false,
        startedOn: '2016-03-10',
        newPerson: { givenName, familyName: `Kin${this.personId}`, dateOfBirth: '1980-05-05', sex: 'F' },
        confirmNotDuplicate: true,
      },
    )
    return relatedPersonId
  }

  /** A connected person's assessment as the child's foster carer, with regulation 24 temporary approval. */
  async connectedPersonAssessment(carerPersonId: number, startedOn: IsoDate, approvedOn: IsoDate) {
    await call(this.c.socialworker, 'POST', `${this.base}/permanence/carer-assessments`, {
      carerPersonId,
      kind: 'connected-person',
      startedOn,
      temporaryApprovalOn: approvedOn,
    })
  }

  /** The agency decision maker's decision for adoption, then the placement order. */
  async placementOrder(decidedOn: IsoDate, orderOn: IsoDate): Promise<void> {
    const { id } = await call<{ id: number }>(this.c.socialworker, 'POST', `${this.base}/adoption`, {
      shouldBePlacedOn: decidedOn,
    })
    await call(this.c.socialworker, 'POST', `${this.base}/adoption/${id}/steps/placement-order`, {
      version: 1,
      placementOrderOn: orderOn,
    })
  }

  async personalAdviser(workerId: number, from: IsoDate): Promise<void> {
    await call(this.c.socialworker, 'POST', `${this.base}/care-leaver/personal-adviser`, {
      workerId,
      startedOn: from,
    })
  }

  async pathwayPlan(start: IsoDate): Promise<void> {
    await call(this.c.socialworker, 'POST', `${this.base}/care-leaver/pathway-plans`, {
      startDate: start,
      nextReviewDue: addMonths(start, 6),
      outcomes: ['A place at college on the catering course', 'Her own tenancy by 19'],
      contingency: 'Staying put with the foster carers continues until a tenancy is found.',
    })
  }

  private async referralVersion(referralId: number): Promise<number> {
    const referrals = await call<{ id: number; version: number }[]>(
      this.c.socialworker,
      'GET',
      `${this.base}/referrals`,
    )
    const found = referrals.find((r) => r.id === referralId)
    if (!found) throw new Error(`No referral ${referralId}`)
    return found.version
  }

  /** The social worker proposes closing the episode (the service dates the proposal today). */
  async proposeClosure(referralId: number, reason: string, rationale: string): Promise<void> {
    await call(this.c.socialworker, 'POST', `${this.base}/closure/proposal`, {
      referralId,
      version: await this.referralVersion(referralId),
      reason,
      rationale,
    })
  }

  /** Closure proposed with a full rationale and signed off by the manager on `closureDate`. */
  async close(referralId: number, closureDate: IsoDate): Promise<void> {
    await this.proposeClosure(
      referralId,
      'RC7',
      'Mother has engaged well, school reports no concerns, and the family now has support from the children’s centre.',
    )
    await call(this.c.teammanager, 'POST', `${this.base}/closure/sign-off`, {
      referralId,
      version: await this.referralVersion(referralId),
      closureDate,
      rationale:
        'Agreed: the child is safe and well, and the family’s support continues through universal services.',
    })
  }
}
