import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addCalendarDays, addWorkingDays, type IsoDate } from '../../../src/domain/calendar/working-days.ts'
import { RULES } from '../../../src/rules/catalogue/index.ts'
import { evaluateRules } from '../../../src/rules/engine/evaluate.ts'
import type { Flag } from '../../../src/rules/engine/types.ts'
import { today } from '../../../src/services/dates.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'
import {
  addMonths,
  type Cast,
  call,
  Journey,
  personalAdviser,
  signInCast,
  workingDaysBefore,
} from './support.ts'

// The "done when": one child per timescale or drift pattern, built only through the API as the
// front door, the social worker, their manager and the conference chair would record it, each flagged
// exactly once, by the intended rule, with the intended owner; and a child whose journey was timely
// throughout, flagged for nothing. Each scenario child is otherwise kept in good order (assessed in time,
// seen alone, oversight recorded…), so that its pattern is the only one that applies.
//
// The record is evaluated as at a fixed date in the past, not today. Two things the API stamps with the
// clock rather than a date the user gives shape the scenarios: plan versions (plan_version.saved_at) and
// significant events (recorded_at) carry the time of saving, so as at AS_AT every plan built here has no
// saved version yet and counts as last updated on its start date, and a significant event recorded now
// does not exist yet; and a closure proposal is dated the day it is made (closure_proposed_on = today),
// so that one pattern is evaluated as at today, in its own test below.

const AS_AT: IsoDate = '2026-07-15'
/** `n` working days before AS_AT. */
const wd = (n: number) => workingDaysBefore(AS_AT, n)
const LATER = addMonths(AS_AT, 2)

type Owner = 'social-worker' | 'manager' | 'front-door' | 'chair' | 'personal-adviser'

interface Scenario {
  ruleId: string
  owner: Owner
  /** Builds the child through the API; returns their person id. */
  build(c: Cast): Promise<number>
}

/**
 * A referral `referred` working days before AS_AT with a timely assessment (identity considered), completed
 * and authorised `authorised` working days before AS_AT, within the 45 working days.
 */
async function assessed(j: Journey, referred: number, authorised: number): Promise<number> {
  const referralId = await j.referral(wd(referred))
  await j.assessment(referralId, {
    start: wd(referred - 1),
    completed: wd(authorised + 1),
    authorised: wd(authorised),
  })
  return referralId
}

const SCENARIOS: Scenario[] = [
  {
    ruleId: 'contact-decision',
    owner: 'front-door',
    async build(c) {
      // A contact three working days ago with no decision yet.
      const j = await Journey.start(c, 'Ada')
      await j.contact(wd(3))
      return j.personId
    },
  },
  {
    ruleId: 'assessment-45-working-days',
    owner: 'social-worker',
    async build(c) {
      // Referred 50 working days ago; the assessment is still in progress (due 5 working days ago).
      const j = await Journey.start(c, 'Ben')
      const referralId = await j.referral(wd(50))
      await j.assessment(referralId, { start: wd(48) })
      await j.visit(wd(30))
      await j.oversight(wd(20))
      return j.personId
    },
  },
  {
    ruleId: 'icpc-15-working-days',
    owner: 'social-worker',
    async build(c) {
      // Strategy discussion 25 working days ago, enquiry concluded for a conference; none held.
      const j = await Journey.start(c, 'Cara')
      const referralId = await j.referral(wd(30))
      await j.visit(wd(28))
      await j.section47(referralId, wd(25), wd(20))
      await j.oversight(wd(20))
      return j.personId
    },
  },
  {
    ruleId: 'first-core-group-10-working-days',
    owner: 'social-worker',
    async build(c) {
      // Initial conference 25 working days ago made a plan; no core group since.
      const j = await Journey.start(c, 'Dev')
      const referralId = await j.referral(wd(38))
      const s47 = await j.section47(referralId, wd(35), wd(32))
      await j.initialConference(s47, wd(25))
      await j.visit(wd(20), { kind: 'cp' })
      await j.oversight(wd(10))
      await j.visit(wd(3), { kind: 'cp' })
      return j.personId
    },
  },
  {
    ruleId: 'cp-review-conference',
    owner: 'chair',
    async build(c) {
      // Initial conference 90 working days ago (over 4 months): the first review was due within 3 months.
      const j = await Journey.start(c, 'Eli')
      const referralId = await assessed(j, 105, 70)
      const s47 = await j.section47(referralId, wd(100), wd(96))
      const cpPlanId = await j.initialConference(s47, wd(90))
      await j.coreGroup(cpPlanId, wd(85))
      await j.visit(wd(40), { kind: 'cp' })
      await j.oversight(wd(10))
      await j.visit(wd(3), { kind: 'cp' })
      return j.personId
    },
  },
  {
    ruleId: 'cp-visits',
    owner: 'social-worker',
    async build(c) {
      // On a child protection plan, last seen 15 working days ago (every 10 working days is the standard).
      const j = await Journey.start(c, 'Fay')
      const referralId = await j.referral(wd(38))
      const s47 = await j.section47(referralId, wd(35), wd(32))
      const cpPlanId = await j.initialConference(s47, wd(25))
      await j.coreGroup(cpPlanId, wd(20))
      await j.visit(wd(15), { kind: 'cp' })
      await j.oversight(wd(10))
      return j.personId
    },
  },
  {
    ruleId: 'repeat-child-protection-plan',
    owner: 'manager',
    async build(c) {
      // A first plan ended at review; a second began 22 working days ago, with no oversight since.
      const j = await Journey.start(c, 'Gus')
      const referralId = await assessed(j, 125, 95)
      const first = await j.section47(referralId, wd(120), wd(117))
      const firstPlan = await j.initialConference(first, wd(112))
      await j.coreGroup(firstPlan, wd(108))
      await j.visit(wd(100), { kind: 'cp' })
      await j.endPlanAtReview(firstPlan, wd(60), 'no-longer-needed')
      await j.oversight(wd(30))
      const second = await j.section47(referralId, wd(28), wd(26))
      const secondPlan = await j.initialConference(second, wd(22))
      await j.coreGroup(secondPlan, wd(18))
      await j.visit(wd(10), { kind: 'cp' })
      await j.visit(wd(2), { kind: 'cp' })
      return j.personId
    },
  },
  {
    ruleId: 'cin-plan-review',
    owner: 'social-worker',
    async build(c) {
      // A child in need plan 74 working days old (over 3 months) that has never been reviewed.
      const j = await Journey.start(c, 'Hana')
      await assessed(j, 110, 76)
      await j.cinPlan(wd(74), [LATER])
      await j.visit(wd(40))
      await j.visit(wd(10))
      await j.oversight(wd(10))
      return j.personId
    },
  },
  {
    ruleId: 'cin-review-after-cp-step-down',
    owner: 'social-worker',
    async build(c) {
      // The review conference stepped the plan down to child in need 20 working days ago; no CIN review.
      const j = await Journey.start(c, 'Ivo')
      const referralId = await assessed(j, 90, 55)
      const s47 = await j.section47(referralId, wd(85), wd(80))
      const cpPlanId = await j.initialConference(s47, wd(72))
      await j.coreGroup(cpPlanId, wd(65))
      await j.visit(wd(60), { kind: 'cp' })
      await j.visit(wd(25), { kind: 'cp' })
      await j.endPlanAtReview(cpPlanId, wd(20), 'step-down-cin')
      await j.oversight(wd(10))
      await j.visit(wd(8))
      return j.personId
    },
  },
  {
    ruleId: 'plan-not-updated-after-significant-change',
    owner: 'social-worker',
    async build(c) {
      // Someone new moved into the household 10 working days ago; the plan (28 days old) is unchanged.
      const j = await Journey.start(c, 'Jude')
      await assessed(j, 60, 30)
      await j.cinPlan(wd(28), [LATER])
      await j.visit(wd(20))
      await j.newHouseholdMember(wd(10))
      await j.oversight(wd(10))
      await j.visit(wd(5))
      return j.personId
    },
  },
  {
    ruleId: 'plan-actions-overdue',
    owner: 'social-worker',
    async build(c) {
      // A plan action due 5 working days ago is still open.
      const j = await Journey.start(c, 'Kit')
      await assessed(j, 60, 30)
      await j.cinPlan(wd(28), [wd(5), LATER])
      await j.visit(wd(20))
      await j.oversight(wd(10))
      await j.visit(wd(5))
      return j.personId
    },
  },
  {
    ruleId: 'no-management-oversight',
    owner: 'manager',
    async build(c) {
      // Referred 110 working days ago (over 3 months) and no manager has recorded oversight.
      const j = await Journey.start(c, 'Lia')
      await assessed(j, 110, 76)
      await j.visit(wd(40))
      await j.visit(wd(10))
      return j.personId
    },
  },
  {
    ruleId: 'child-not-seen-alone',
    owner: 'social-worker',
    async build(c) {
      // Seen alone at the first visit, but not at any of the last three.
      const j = await Journey.start(c, 'Max')
      await j.referral(wd(35))
      await j.visit(wd(33))
      for (const n of [30, 20, 10]) await j.visit(wd(n), { alone: false })
      await j.oversight(wd(10))
      return j.personId
    },
  },
  {
    ruleId: 'child-views-not-recorded-at-review',
    owner: 'social-worker',
    async build(c) {
      // The plan's review 5 working days ago did not seek the child's views.
      const j = await Journey.start(c, 'Noor')
      await assessed(j, 60, 30)
      const planId = await j.cinPlan(wd(28), [LATER])
      await j.visit(wd(20))
      await j.oversight(wd(10))
      await j.planReview(planId, wd(5), { views: false })
      await j.visit(wd(3))
      return j.personId
    },
  },
  {
    ruleId: 'assessment-identity-not-considered',
    owner: 'social-worker',
    async build(c) {
      // An assessment authorised in time that says nothing about identity and culture.
      const j = await Journey.start(c, 'Omar')
      const referralId = await j.referral(wd(40))
      await j.assessment(
        referralId,
        { start: wd(38), completed: wd(12), authorised: wd(10) },
        { identity: false },
      )
      await j.visit(wd(20))
      await j.oversight(wd(10))
      return j.personId
    },
  },
  {
    ruleId: 're-referral-within-12-months',
    owner: 'manager',
    async build(c) {
      // Referred 120 working days ago, closed 100 days ago, referred again 20 days ago; no oversight since.
      const j = await Journey.start(c, 'Pia')
      const first = await j.referral(wd(120))
      await j.visit(wd(115))
      await j.close(first, wd(100))
      await j.referral(wd(20))
      await j.visit(wd(10))
      return j.personId
    },
  },
]

type Kept = 'reviews' | 'iha' | 'rha' | 'pep' | 'permanence' | 'visits'

interface Care {
  /** The day the child came into care. */
  from: IsoDate
  /** The one thing left undone (and what depends on it), for the pattern the child shows. */
  skip?: Kept[]
  /** A baby: reviews without views (PN0), health reviewed every 6 months, no PEP, observed not seen alone. */
  baby?: boolean
  /** Visited every week until the first review (regulation 28(4): a connected person, temporary approval). */
  weeklyUntilFirstReview?: boolean
  placementType?: string
  /** 903 LS of the first legal status; a care order (C2) unless said. */
  legalStatus?: string
  /** Placed with a relative, added to the child's network once the child is allocated. */
  relative?: { type: string; givenName: string }
  permanenceOption?: string
}

/**
 * A child referred 30 working days before coming into care, assessed in time, then in care from `care.from`
 * and kept in good order up to AS_AT as the social worker, IRO and manager would keep it: reviews (the first
 * 15 working days in, then every 2 months), an initial health assessment in the first week and reviews of it,
 * a PEP in the first fortnight and every 3 months, the plan for permanence at the first review, statutory
 * visits every 4 weeks (the last 2 working days before AS_AT), and a manager's oversight.
 */
async function inCare(j: Journey, care: Care): Promise<{ carerPersonId: number | null }> {
  const skip = new Set(care.skip ?? [])
  const baby = care.baby ?? false
  const referred = workingDaysBefore(care.from, 30)
  const referralId = await j.referral(referred)
  await j.visit(addWorkingDays(referred, 2), { kind: 'assessment', alone: !baby })
  await j.assessment(referralId, {
    start: addWorkingDays(referred, 1),
    completed: addWorkingDays(referred, 25),
    authorised: addWorkingDays(referred, 26),
  })
  const carerPersonId = care.relative ? await j.relative(care.relative.type, care.relative.givenName) : null
  await j.startCare(care.from, {
    legalStatus: care.legalStatus,
    placementType: care.placementType,
    carerPersonId: carerPersonId ?? undefined,
  })
  const reviews: IsoDate[] = []
  for (let d = addWorkingDays(care.from, 15); d <= AS_AT; d = addMonths(d, 2)) reviews.push(d)
  if (!skip.has('reviews')) for (const d of reviews) await j.lacReview(d, { baby })
  const iha = addWorkingDays(care.from, 5)
  if (!skip.has('iha') && iha <= AS_AT) {
    await j.health('initial-health-assessment', iha)
    const every = baby ? 5 : 11
    if (!skip.has('rha'))
      for (let d = addMonths(iha, every); d <= AS_AT; d = addMonths(d, every))
        await j.health('review-health-assessment', d)
  }
  if (!baby && !skip.has('pep'))
    for (let d = addWorkingDays(care.from, 10); d <= AS_AT; d = addMonths(d, 3)) await j.pep(d)
  if (!skip.has('permanence') && reviews[0])
    await j.permanencePlan(reviews[0], care.permanenceOption ?? 'long-term-fostering')
  if (!skip.has('visits')) {
    const last = wd(2)
    let d = addCalendarDays(care.from, 3)
    if (care.weeklyUntilFirstReview)
      for (; reviews[0] && d < reviews[0]; d = addCalendarDays(d, 7))
        await j.statutoryVisit(d, { alone: !baby })
    for (; d < addCalendarDays(last, -14); d = addCalendarDays(d, 28))
      await j.statutoryVisit(d, { alone: !baby })
    await j.statutoryVisit(last, { alone: !baby })
  }
  await j.oversight(wd(10))
  return { carerPersonId }
}

/** The social worker records care proceedings, issued on a date after a pre-proceedings meeting. */
async function careProceedings(j: Journey, issuedOn: IsoDate): Promise<void> {
  await call(j.c.socialworker, 'POST', `/children/${j.personId}/care-proceedings`, {
    preProceedingsOn: addCalendarDays(issuedOn, -42),
    issuedOn,
    court: 'Family Court sitting at Manchester',
    caseNumber: `MA26C${String(j.personId).padStart(5, '0')}`,
  })
}

/** A child on a child protection plan since 25 working days ago, visited and reviewed in time. */
async function onCpPlan(j: Journey): Promise<void> {
  const referralId = await j.referral(wd(38))
  const s47 = await j.section47(referralId, wd(35), wd(32))
  const cpPlanId = await j.initialConference(s47, wd(25))
  await j.coreGroup(cpPlanId, wd(20))
  await j.visit(wd(20), { kind: 'cp' })
  await j.visit(wd(12), { kind: 'cp' })
  await j.oversight(wd(10))
  await j.visit(wd(4), { kind: 'cp' })
}

const LOOKED_AFTER: Scenario[] = [
  {
    ruleId: 'looked-after-review',
    owner: 'chair',
    async build(c) {
      // In care 25 working days; everything done but the first review (due at 20 working days).
      const j = await Journey.start(c, 'Ali')
      await inCare(j, { from: wd(25), skip: ['reviews'] })
      return j.personId
    },
  },
  {
    ruleId: 'looked-after-statutory-visits',
    owner: 'social-worker',
    async build(c) {
      // In care 25 working days and reviewed, but never visited in the placement (due within a week).
      const j = await Journey.start(c, 'Bea')
      await inCare(j, { from: wd(25), skip: ['visits'] })
      return j.personId
    },
  },
  {
    ruleId: 'initial-health-assessment',
    owner: 'social-worker',
    async build(c) {
      // In care 25 working days with no initial health assessment (due at 20 working days).
      const j = await Journey.start(c, 'Cy')
      await inCare(j, { from: wd(25), skip: ['iha'] })
      return j.personId
    },
  },
  {
    ruleId: 'review-health-assessment',
    owner: 'social-worker',
    async build(c) {
      // A baby in care since December: assessed in the first week, never since (every 6 months under 5).
      const j = await Journey.start(c, 'Dot', '2025-09-01')
      await inCare(j, { from: '2025-12-01', baby: true, skip: ['rha'] })
      return j.personId
    },
  },
  {
    ruleId: 'personal-education-plan',
    owner: 'social-worker',
    async build(c) {
      // A ten-year-old in care 25 working days with no PEP (due for the first review, at 20 working days).
      const j = await Journey.start(c, 'Edi')
      await inCare(j, { from: wd(25), skip: ['pep'] })
      return j.personId
    },
  },
  {
    ruleId: 'iro-escalation-response',
    owner: 'chair',
    async build(c) {
      // The IRO raised an issue the day the child came into care; no response in the 10 working days.
      const j = await Journey.start(c, 'Fin')
      await inCare(j, { from: wd(13) })
      await j.escalation(wd(13))
      return j.personId
    },
  },
  {
    ruleId: 'permanence-plan-by-second-review',
    owner: 'social-worker',
    async build(c) {
      // In care since 70 working days ago: two reviews held, the second 2 months after the first, and no
      // plan for permanence.
      const j = await Journey.start(c, 'Gia')
      await inCare(j, { from: wd(70), skip: ['permanence'] })
      return j.personId
    },
  },
  {
    ruleId: 'placement-order-no-match',
    owner: 'social-worker',
    async build(c) {
      // A baby in care since June 2025, to be adopted: the placement order was made on 2 February and
      // no match with adopters in the 121 days since.
      const j = await Journey.start(c, 'Hal', '2025-03-01')
      await inCare(j, { from: '2025-06-02', baby: true, permanenceOption: 'adoption' })
      await j.changeLegalStatus('2026-02-02', 'E1')
      await j.placementOrder('2025-12-01', '2026-02-02')
      return j.personId
    },
  },
  {
    ruleId: 'connected-person-temporary-approval',
    owner: 'social-worker',
    async build(c) {
      // Placed with an aunt under temporary approval 90 working days ago (over 16 weeks); no decision
      // on her approval as a foster carer and no extension.
      const j = await Journey.start(c, 'Ivy')
      const { carerPersonId: aunt } = await inCare(j, {
        from: wd(90),
        placementType: 'U3',
        relative: { type: 'aunt-or-uncle', givenName: 'Bisi' },
        weeklyUntilFirstReview: true,
        permanenceOption: 'connected-person',
      })
      await j.connectedPersonAssessment(aunt!, wd(90), wd(90))
      return j.personId
    },
  },
  {
    ruleId: 'care-proceedings-26-weeks',
    owner: 'social-worker',
    async build(c) {
      // In care under an interim care order since January: the proceedings issued on Monday 5 January are
      // open in their 28th week (the 26 weeks ended on Sunday 5 July), and the court has not extended them.
      const j = await Journey.start(c, 'Mo')
      await inCare(j, { from: '2026-01-06', legalStatus: 'C1' })
      await careProceedings(j, '2026-01-05')
      return j.personId
    },
  },
  {
    ruleId: 'return-interview-72-hours',
    owner: 'social-worker',
    async build(c) {
      // In care 13 working days; missing one night 6 working days ago and no return interview offered.
      const j = await Journey.start(c, 'Jax')
      await inCare(j, { from: wd(13) })
      await j.missing(wd(6))
      return j.personId
    },
  },
  {
    ruleId: 'cp-missing-no-return-interview',
    owner: 'social-worker',
    async build(c) {
      // On a child protection plan, missing one night 8 working days ago: the return interview was offered
      // in time but declined, and no manager has looked at it since.
      const j = await Journey.start(c, 'Kai')
      await onCpPlan(j)
      await j.missing(wd(8), { offered: true })
      return j.personId
    },
  },
  {
    ruleId: 'pathway-plan-review',
    owner: 'personal-adviser',
    async build(c) {
      // In care from 15 to 18; her pathway plan, made at 17, is not reviewed in the 6 months since.
      const j = await Journey.start(c, 'Lux', '2008-01-20')
      const referralId = await j.referral('2023-04-18')
      await j.assessment(referralId, {
        start: '2023-04-19',
        completed: '2023-05-22',
        authorised: '2023-05-23',
      })
      await j.startCare('2023-06-01')
      await j.pathwayPlan('2025-12-01')
      await j.ceaseCare('2026-01-20')
      await j.personalAdviser(c.adviser!.workerId, '2026-01-20')
      await j.visit(wd(20), { kind: 'other' })
      await j.oversight(wd(10))
      return j.personId
    },
  },
]

/**
 * A child in care since 70 working days ago with everything done in time, under an interim care order in
 * proceedings issued the day before, in their 15th week of 26.
 */
async function cleanInCare(c: Cast): Promise<number> {
  const j = await Journey.start(c, 'Yara')
  await inCare(j, { from: wd(70), legalStatus: 'C1' })
  await careProceedings(j, wd(71))
  return j.personId
}

/**
 * A timely journey: referral, an assessment with identity authorised in time, oversight at sign-off and
 * since, visits with the child seen alone, a plan reviewed in time with the child's views and an action
 * done, the plan changed when the school asked, and mother living with the child since birth.
 */
async function cleanJourney(c: Cast): Promise<number> {
  const j = await Journey.start(c, 'Zara')
  const referralId = await j.referral(wd(110))
  await j.mother()
  await j.visit(wd(105), { kind: 'assessment' })
  await j.assessment(referralId, { start: wd(108), completed: wd(80), authorised: wd(78) })
  await j.oversight(wd(78), 'assessment-sign-off')
  const planId = await j.cinPlan(wd(75), [wd(50), LATER])
  await j.visit(wd(60))
  await j.visit(wd(30), { alone: false })
  const firstAction = (await j.plan(planId)).plan.actions[0]!.id
  await j.planReview(planId, wd(20), { done: [firstAction] })
  await j.updatePlan(planId, addMonths(AS_AT, 1))
  await j.oversight(wd(15), 'supervision')
  await j.visit(wd(8))
  return j.personId
}

let t: TestApp
let c: Cast
const children = new Map<string, number>()
let clean: number
let cleanCare: number
let flags: Flag[]
const ALL = () => [...SCENARIOS, ...LOOKED_AFTER]

beforeAll(async () => {
  t = await buildTestApp()
  c = await signInCast(t)
  c.adviser = await personalAdviser(t)
  for (const s of ALL()) children.set(s.ruleId, await s.build(c))
  clean = await cleanJourney(c)
  cleanCare = await cleanInCare(c)
  flags = await evaluateRules(t.database.db, {
    asAt: AS_AT,
    personIds: [...children.values(), clean, cleanCare],
  })
}, 600_000)
afterAll(() => t.close())

const summary = (found: Flag[], personId: number) =>
  found
    .filter((f) => f.personId === personId)
    .map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      ownerWorkerId: f.ownerWorkerId,
      ownerTeamId: f.ownerTeamId,
      what: f.what,
    }))

function ownerOf(owner: Owner) {
  const { socialworker, teammanager, iro } = c.staff
  switch (owner) {
    case 'social-worker':
      return { ownerWorkerId: socialworker.workerId, ownerTeamId: socialworker.teamId }
    case 'manager':
      // The allocated worker's line manager, in the allocated team.
      return { ownerWorkerId: teammanager.workerId, ownerTeamId: socialworker.teamId }
    case 'front-door':
      return { ownerWorkerId: null, ownerTeamId: c.frontDoorTeamId }
    case 'chair':
      return { ownerWorkerId: iro.workerId, ownerTeamId: iro.teamId }
    case 'personal-adviser':
      return { ownerWorkerId: c.adviser!.workerId, ownerTeamId: c.adviser!.teamId }
  }
}

const severityOf = (ruleId: string) =>
  RULES.find((r) => r.id === ruleId)?.kind === 'query' ? 'query' : 'overdue'

describe('drift scenarios built through the API', () => {
  it('cover every rule in the catalogue', () => {
    const notYet = new Set<string>()
    const covered = [...ALL().map((s) => s.ruleId), 'closure-without-rationale'].sort()
    expect(covered).toEqual(
      RULES.map((r) => r.id)
        .filter((id) => !notYet.has(id))
        .sort(),
    )
    // The manager the rules name is the social worker's line manager.
    expect(c.staff.socialworker.lineManagerId).toBe(c.staff.teammanager.workerId)
  })

  it.each(ALL().map((s) => [s.ruleId, s] as const))(
    'flags the %s child exactly once, with the right owner',
    (ruleId, scenario) => {
      expect(summary(flags, children.get(ruleId)!)).toEqual([
        {
          ruleId,
          severity: severityOf(ruleId),
          ...ownerOf(scenario.owner),
          what: expect.any(String),
        },
      ])
    },
  )

  it('flags nothing for a child whose journey was timely throughout', () => {
    expect(summary(flags, clean)).toEqual([])
  })

  it('flags nothing for a child in care whose care was timely throughout', () => {
    expect(summary(flags, cleanCare)).toEqual([])
  })

  it('cannot produce a closure without a rationale: Hearth refuses it, so the rule only meets records from elsewhere', async () => {
    // The closure form and the rule share one measure (src/domain/practice/substance.ts); the rule's own
    // test shows it firing on such a record.
    const now = today()
    const ago = (n: number) => workingDaysBefore(now, n)
    const j = await Journey.start(c, 'Yusuf')
    const referralId = await j.referral(ago(20))
    await j.visit(ago(15))
    await j.assessment(
      referralId,
      { start: ago(19), completed: ago(6), authorised: ago(5) },
      { outcome: 'no-further-action' },
    )
    await expect(j.proposeClosure(referralId, 'RC8', 'Family doing well now, so close.')).rejects.toThrow()
    const found = await evaluateRules(t.database.db, { asAt: now, personIds: [j.personId] })
    expect(summary(found, j.personId)).toEqual([])
  })
})
