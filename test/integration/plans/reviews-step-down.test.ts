import { and, asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  changeHistory,
  cpPlan,
  plan,
  planAction,
  planReview,
  planVersion,
} from '../../../src/db/schema/index.ts'
import { addWorkingDays } from '../../../src/domain/calendar/working-days.ts'
import { createPlan, stepDownToChildInNeed } from '../../../src/services/plans.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'
import { actorFor, childWithReferral, dateFields } from './support.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const db = () => t.database.db
const planRow = async (id: number) => (await db().select().from(plan).where(eq(plan.id, id)))[0]!
const actionsOf = (planId: number) =>
  db().select().from(planAction).where(eq(planAction.planId, planId)).orderBy(asc(planAction.id))

describe('plan reviews', () => {
  let personId: number
  let planId: number
  let actionIds: number[]

  beforeAll(async () => {
    ;({ personId } = await childWithReferral(t))
    const sw = await t.signedIn('socialworker')
    const made = await sw.api('POST', `/api/v1/children/${personId}/plans`, {
      kind: 'child-in-need',
      startDate: '2026-10-05',
      nextReviewDue: '2026-11-16',
      contingency: 'Strategy discussion if Mo is hurt again.',
      nonEngagementStrategy: 'Letter from the team manager; review brought forward.',
      outcomes: ['Mo is safe at home', 'Mo sees his dad safely'],
      actions: [
        {
          outcome: 0,
          description: 'Fit a stair gate',
          ownerDescription: 'Father',
          dueDate: '2026-10-30',
          measure: 'Seen fitted at a visit',
        },
        {
          outcome: 1,
          description: 'Arrange supervised contact',
          ownerDescription: 'Social worker',
          dueDate: '2026-12-18',
          measure: 'Contact takes place fortnightly',
        },
      ],
    })
    expect(made.statusCode, made.body).toBe(201)
    planId = made.json().id
    actionIds = (await actionsOf(planId)).map((a) => a.id)
  })

  const reviewForm = (overrides: Record<string, string | string[]> = {}) => ({
    version: '1',
    ...dateFields('heldOn', '2026-11-16'),
    attendance: ['parents-carers', 'social-care', 'health'],
    childContribution: 'attended',
    childContributionNote: '',
    childsViews: 'Mo said he likes it when Dad reads to him.',
    [`actionProgress.${actionIds[0]}`]: 'done',
    [`actionProgress.${actionIds[0]}.note`]: 'Seen on 12 November',
    [`actionProgress.${actionIds[1]}`]: 'some',
    [`actionProgress.${actionIds[1]}.note`]: 'First session held; venue changed',
    decisions: 'Continue the plan. Contact to move to the family centre.',
    ...dateFields('nextReviewDue', '2027-01-11'),
    ...overrides,
  })

  it('refuses a review without the child’s contribution rules met, progress on every open action, or decisions', async () => {
    const sw = await t.signedIn('socialworker')
    const form = await sw.get(`/children/${personId}/plans/${planId}/reviews/new`)
    expect(form.statusCode).toBe(200)
    expect(form.body).toContain('Fit a stair gate')
    const bad = await sw.post(
      `/children/${personId}/plans/${planId}/reviews/new`,
      reviewForm({
        attendance: [],
        childContribution: 'not-sought',
        [`actionProgress.${actionIds[1]}`]: '',
        decisions: '',
        ...dateFields('nextReviewDue', '2026-11-01'),
      }),
    )
    expect(bad.statusCode).toBe(400)
    for (const message of [
      'Select who attended the review',
      'Say why the child&#39;s views were not sought',
      'Select the progress on action 2, “Arrange supervised contact”',
      'Record what the review decided',
      'The next review must be after this one',
    ])
      expect(bad.body, message).toContain(message)
    const noViews = await sw.post(
      `/children/${personId}/plans/${planId}/reviews/new`,
      reviewForm({ childContribution: 'views-shared-another-way', childsViews: '' }),
    )
    expect(noViews.statusCode).toBe(400)
    expect(noViews.body).toContain('Record the child&#39;s views')
    const none = await sw.post(
      `/children/${personId}/plans/${planId}/reviews/new`,
      reviewForm({ childContribution: '' }),
    )
    expect(none.body).toContain('Select how the child contributed to the review')
    expect(await db().select().from(planReview).where(eq(planReview.planId, planId))).toHaveLength(0)
    expect(await planRow(planId)).toMatchObject({ version: 1, nextReviewDue: '2026-11-16' })
  })

  it('records a review, which updates the plan’s next review and closes the actions found done', async () => {
    const sw = await t.signedIn('socialworker')
    const saved = await sw.post(`/children/${personId}/plans/${planId}/reviews/new`, reviewForm())
    expect(saved.statusCode, saved.body.slice(0, 2000)).toBe(303)
    const [review] = await db().select().from(planReview).where(eq(planReview.planId, planId))
    expect(saved.headers.location).toBe(`/children/${personId}/plans/${planId}/reviews/${review!.id}`)
    expect(review).toMatchObject({
      heldOn: '2026-11-16',
      childContribution: 'attended',
      attendance: ['parents-carers', 'social-care', 'health'],
      decisions: 'Continue the plan. Contact to move to the family centre.',
      actionProgress: [
        { actionId: actionIds[0], progress: 'done', note: 'Seen on 12 November' },
        { actionId: actionIds[1], progress: 'some', note: 'First session held; venue changed' },
      ],
    })
    expect(await planRow(planId)).toMatchObject({ version: 2, nextReviewDue: '2027-01-11' })
    const actions = await actionsOf(planId)
    expect(actions[0]).toMatchObject({ status: 'done', completedOn: '2026-11-16' })
    expect(actions[1]).toMatchObject({ status: 'open' })
    const [v2] = await db()
      .select()
      .from(planVersion)
      .where(and(eq(planVersion.planId, planId), eq(planVersion.version, 2)))
    expect(v2!.reason).toBe('Reviewed on 16 November 2026')
    const history = await db()
      .select()
      .from(changeHistory)
      .where(and(eq(changeHistory.entityType, 'plan-review'), eq(changeHistory.entityId, String(review!.id))))
    expect(history.length).toBeGreaterThan(3)

    const page = await sw.get(saved.headers.location!)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Review held on 16 November 2026')
    expect(page.body).toContain('Mo said he likes it when Dad reads to him.')
    expect(page.body).toContain('Some progress')
    const planPage = await sw.get(`/children/${personId}/plans/${planId}`)
    expect(planPage.body).toContain('11 January 2027')
    expect(planPage.body).toContain('Reviewed on 16 November 2026')

    // The child's views not sought: allowed with the reason why. A review on a stale form is refused.
    const stale = await sw.api('POST', `/api/v1/children/${personId}/plans/${planId}/reviews`, {
      version: 1,
      heldOn: '2026-11-20',
      attendance: ['social-care'],
      childContribution: 'not-sought',
      childContributionNote: 'Mo was unwell and in hospital.',
      actionProgress: [{ actionId: actionIds[1], progress: 'on-track' }],
      decisions: 'Continue.',
      nextReviewDue: '2027-02-01',
    })
    expect(stale.statusCode).toBe(409)
    const ok = await sw.api('POST', `/api/v1/children/${personId}/plans/${planId}/reviews`, {
      version: 2,
      heldOn: '2026-11-20',
      attendance: ['social-care'],
      childContribution: 'not-sought',
      childContributionNote: 'Mo was unwell and in hospital.',
      actionProgress: [{ actionId: actionIds[1], progress: 'on-track' }],
      decisions: 'Continue.',
      nextReviewDue: '2027-02-01',
    })
    expect(ok.statusCode, ok.body).toBe(201)
    expect(ok.json().version).toBe(3)
    const listed = await sw.api('GET', `/api/v1/children/${personId}/plans/${planId}/reviews`)
    expect(listed.json()).toHaveLength(2)
  })
})

describe('step-down from child protection to child in need', () => {
  let personId: number
  let cpPlanId: number
  let cpDocumentId: number
  let actions: Awaited<ReturnType<typeof actionsOf>>

  beforeAll(async () => {
    const child = await childWithReferral(t)
    personId = child.personId
    const [cp] = await db()
      .insert(cpPlan)
      .values({
        referralId: child.referralId!,
        personId,
        startDate: '2026-08-24',
        initialCategory: 'NEG',
        latestCategory: 'NEG',
      })
      .returning({ id: cpPlan.id })
    cpPlanId = cp!.id
    // The CP plan document, made as the conference makes it.
    const chair = await actorFor(t, 'iro')
    cpDocumentId = await db().transaction((tx) =>
      createPlan(
        tx,
        chair,
        {
          personId,
          kind: 'child-protection',
          cpPlanId,
          referralId: child.referralId,
          startDate: '2026-08-24',
          nextReviewDue: '2026-11-24',
          contingency: 'Legal planning meeting if the home conditions fall below the agreed standard.',
          nonEngagementStrategy: 'Unannounced visits; escalation to the PLO if Mother will not engage.',
          outcomes: [
            'The house is clean, warm and has food',
            'Jade goes to nursery every day',
            'Mother gets help with her mental health',
          ],
          actions: [
            {
              outcome: 0,
              description: 'Deep clean of the house',
              ownerDescription: 'Housing officer',
              dueDate: '2026-09-30',
              measure: 'Home conditions scale at 4 or more',
            },
            {
              outcome: 1,
              description: 'Take Jade to nursery',
              ownerDescription: 'Mother',
              dueDate: '2026-12-31',
              measure: 'Nursery attendance above 90%',
            },
            {
              outcome: 2,
              description: 'Referral to the perinatal mental health team',
              ownerDescription: 'GP',
              dueDate: '2026-10-15',
              measure: 'Assessment appointment offered',
            },
            {
              outcome: 2,
              description: 'Attend the perinatal mental health appointments',
              ownerDescription: 'Mother',
              dueDate: '2027-01-31',
              measure: 'Appointments attended',
            },
            {
              description: 'Weekly visits, Jade seen alone',
              ownerDescription: 'Social worker',
              dueDate: '2027-02-28',
              measure: 'Visits recorded',
            },
          ],
        },
        'Plan made at the initial child protection conference',
      ),
    )
    actions = await actionsOf(cpDocumentId)
    // Two actions already closed on the CP plan: done, and not done.
    await db()
      .update(planAction)
      .set({ status: 'done', completedOn: '2026-09-28' })
      .where(eq(planAction.id, actions[0]!.id))
    await db()
      .update(planAction)
      .set({ status: 'not-done', completedOn: '2026-10-20' })
      .where(eq(planAction.id, actions[2]!.id))
  })

  it('is for managers only, and refuses a step-down without a rationale, changing nothing', async () => {
    const sw = await t.signedIn('socialworker')
    expect((await sw.get(`/children/${personId}/child-protection/step-down`)).statusCode).toBe(403)
    const tm = await t.signedIn('teammanager')
    const page = await tm.get(`/children/${personId}/child-protection/step-down`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Take Jade to nursery')
    expect(page.body).not.toContain('Deep clean of the house')
    const refused = await tm.post(`/children/${personId}/child-protection/step-down`, {
      cpPlanId: String(cpPlanId),
      ...dateFields('date', '2026-11-16'),
      rationale: '',
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.body).toContain('Say why the child no longer needs a child protection plan')
    const future = await tm.post(`/children/${personId}/child-protection/step-down`, {
      cpPlanId: String(cpPlanId),
      ...dateFields('date', '2099-01-01'),
      rationale: 'Because',
    })
    expect(future.body).toContain('must be today or in the past')
    const [cp] = await db().select().from(cpPlan).where(eq(cpPlan.id, cpPlanId))
    expect(cp).toMatchObject({ endDate: null, endReason: null, version: 1 })
    expect(await db().select().from(plan).where(eq(plan.personId, personId))).toHaveLength(1)
    // A manager outside the child's team cannot reach it.
    const { personId: stranger } = await childWithReferral(t, { allocated: false })
    expect((await tm.get(`/children/${stranger}/child-protection/step-down`)).statusCode).toBe(404)
  })

  it('ends the CP plan and carries exactly its open actions into a new CIN plan, with the first review scheduled', async () => {
    const tm = await t.signedIn('teammanager')
    const stepped = await tm.post(`/children/${personId}/child-protection/step-down`, {
      cpPlanId: String(cpPlanId),
      ...dateFields('date', '2026-11-16'),
      rationale:
        'Home conditions sustained for 3 months; Jade at nursery every day. Agreed at the review conference.',
    })
    expect(stepped.statusCode, stepped.body.slice(0, 2000)).toBe(303)
    const cinPlanId = Number(stepped.headers.location!.split('/').pop())

    const [cp] = await db().select().from(cpPlan).where(eq(cpPlan.id, cpPlanId))
    expect(cp).toMatchObject({
      endDate: '2026-11-16',
      endReason: 'step-down-cin',
      endRationale:
        'Home conditions sustained for 3 months; Jade at nursery every day. Agreed at the review conference.',
      version: 2,
    })
    expect(await planRow(cpDocumentId)).toMatchObject({ endDate: '2026-11-16', version: 2 })
    const cpActions = await actionsOf(cpDocumentId)
    expect(cpActions.map((a) => a.status)).toEqual([
      'done',
      'carried-over',
      'not-done',
      'carried-over',
      'carried-over',
    ])

    const cin = await planRow(cinPlanId)
    expect(cin).toMatchObject({
      kind: 'child-in-need',
      personId,
      previousPlanId: cpDocumentId,
      startDate: '2026-11-16',
      endDate: null,
      nextReviewDue: addWorkingDays('2026-11-16', 10),
      contingency: 'Legal planning meeting if the home conditions fall below the agreed standard.',
    })
    expect(cin.nextReviewDue).toBe('2026-11-30')
    const cinActions = await actionsOf(cinPlanId)
    const open = [actions[1]!, actions[3]!, actions[4]!]
    expect(cinActions.map((a) => a.carriedFromActionId).sort()).toEqual(open.map((a) => a.id).sort())
    expect(cinActions.map((a) => a.description).sort()).toEqual(open.map((a) => a.description).sort())
    expect(cinActions.every((a) => a.status === 'open')).toBe(true)
    // The outcomes of the actions carried over, and only those.
    const page = await tm.get(`/children/${personId}/plans/${cinPlanId}`)
    expect(page.body).toContain('Outcome 1: Jade goes to nursery every day')
    expect(page.body).toContain('Outcome 2: Mother gets help with her mental health')
    expect(page.body).not.toContain('The house is clean, warm and has food')
    expect(page.body).toContain('Take Jade to nursery')
    expect(page.body).toContain('Continues')
    const [v1] = await db().select().from(planVersion).where(eq(planVersion.planId, cinPlanId))
    expect(v1!.reason).toContain('3 open actions carried over')
    // Where the child is now: child in need.
    expect((await tm.get(`/children/${personId}`)).body).toContain('Child in need')

    // A second step-down of the same plan is refused, on the page and through the API.
    const again = await tm.post(`/children/${personId}/child-protection/step-down`, {
      cpPlanId: String(cpPlanId),
      ...dateFields('date', '2026-11-17'),
      rationale: 'Again',
    })
    expect(again.statusCode).toBe(400)
    expect(again.body).toContain('This child protection plan already ended on 16 November 2026')
    const api = await tm.api('POST', `/api/v1/children/${personId}/plans/step-down`, {
      cpPlanId,
      date: '2026-11-17',
      rationale: 'Again',
    })
    expect(api.statusCode).toBe(400)
    expect(await db().select().from(plan).where(eq(plan.personId, personId))).toHaveLength(2)
  })

  it('can be called by the review conference in its own transaction, and through the API', async () => {
    const child = await childWithReferral(t)
    const [cp] = await db()
      .insert(cpPlan)
      .values({
        referralId: child.referralId!,
        personId: child.personId,
        startDate: '2026-09-01',
        initialCategory: 'EMO',
        latestCategory: 'EMO',
      })
      .returning({ id: cpPlan.id })
    // No plan document (recorded elsewhere): the CIN plan starts without actions carried over.
    const manager = await actorFor(t, 'teammanager')
    const { cinPlanId } = await db().transaction((tx) =>
      stepDownToChildInNeed(tx, manager, {
        cpPlanId: cp!.id,
        date: '2026-11-20',
        rationale: 'Agreed at the RCPC',
      }),
    )
    expect(await planRow(cinPlanId)).toMatchObject({
      kind: 'child-in-need',
      previousPlanId: null,
      nextReviewDue: '2026-12-04',
    })

    const other = await childWithReferral(t)
    const [cp2] = await db()
      .insert(cpPlan)
      .values({
        referralId: other.referralId!,
        personId: other.personId,
        startDate: '2026-09-01',
        initialCategory: 'PHY',
        latestCategory: 'PHY',
      })
      .returning({ id: cpPlan.id })
    const tm = await t.signedIn('teammanager')
    // The CP plan must belong to the child named in the address.
    const wrongChild = await tm.api('POST', `/api/v1/children/${child.personId}/plans/step-down`, {
      cpPlanId: cp2!.id,
      date: '2026-11-20',
      rationale: 'x',
    })
    expect(wrongChild.statusCode).toBe(404)
    const viaApi = await tm.api('POST', `/api/v1/children/${other.personId}/plans/step-down`, {
      cpPlanId: cp2!.id,
      date: '2026-11-20',
      rationale: 'Agreed at the RCPC',
    })
    expect(viaApi.statusCode, viaApi.body).toBe(201)
    const sw = await t.signedIn('socialworker')
    const forbidden = await sw.api('POST', `/api/v1/children/${other.personId}/plans/step-down`, {
      cpPlanId: cp2!.id,
      date: '2026-11-20',
      rationale: 'x',
    })
    expect(forbidden.statusCode).toBe(403)
  })
})
