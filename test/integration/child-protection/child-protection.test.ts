import { and, eq, isNull } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  accessLog,
  allocation,
  changeHistory,
  coreGroup,
  cpConference,
  cpPlan,
  person,
  plan,
  planAction,
  referral,
  section47,
  strategyDiscussion,
  userAccount,
  worker,
} from '../../../src/db/schema/index.ts'
import { isWeekend } from '../../../src/domain/calendar/iso-date.ts'
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  workingDaysBetween,
} from '../../../src/domain/calendar/working-days.ts'
import { today } from '../../../src/services/dates.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const now = today()
const db = () => t.database.db

/** The date `n` working days before today (always a weekday). */
function workingDaysAgo(n: number): string {
  for (let back = 1; ; back++) {
    const d = new Date(Date.parse(`${now}T12:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10)
    if (workingDaysBetween(d, now) >= n && !isWeekend(d)) return d
  }
}

const parts = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-')
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! }
}

async function staff(username: string) {
  const [row] = await db()
    .select({ userId: userAccount.id, workerId: userAccount.workerId, teamId: worker.teamId })
    .from(userAccount)
    .innerJoin(worker, eq(worker.id, userAccount.workerId))
    .where(eq(userAccount.username, username))
  return row!
}

async function childWithReferral(referralDate: string, allocated = true) {
  const [p] = await db()
    .insert(person)
    .values({ givenName: 'Leon', familyName: 'Barker', dateOfBirth: '2019-09-12' })
    .returning({ id: person.id })
  const [r] = await db()
    .insert(referral)
    .values({ personId: p!.id, referralDate, source: '6', primaryNeed: 'N1' })
    .returning({ id: referral.id })
  if (allocated) {
    const sw = await staff('socialworker')
    await db().insert(allocation).values({
      personId: p!.id,
      teamId: sw.teamId,
      workerId: sw.workerId,
      kind: 'social-worker',
      startedOn: referralDate,
    })
  }
  return { personId: p!.id, referralId: r!.id }
}

const counts = async (personId: number) => ({
  discussions: (await db().select().from(strategyDiscussion).where(eq(strategyDiscussion.personId, personId)))
    .length,
  enquiries: (await db().select().from(section47).where(eq(section47.personId, personId))).length,
  conferences: (await db().select().from(cpConference).where(eq(cpConference.personId, personId))).length,
  plans: (await db().select().from(cpPlan).where(eq(cpPlan.personId, personId))).length,
  documents: (await db().select().from(plan).where(eq(plan.personId, personId))).length,
  coreGroups: (await db().select().from(coreGroup).where(eq(coreGroup.personId, personId))).length,
})

const dates = {
  referral: workingDaysAgo(40),
  strategy: workingDaysAgo(38),
  s47: workingDaysAgo(37),
  icpc: workingDaysAgo(30),
  coreGroup: workingDaysAgo(25),
  review1: workingDaysAgo(12),
  review2: workingDaysAgo(3),
}

describe('child protection', () => {
  let personId: number
  let referralId: number
  let discussionId: number
  let enquiryId: number
  let cpPlanId: number
  let chairWorkerId: number
  const base = () => `/children/${personId}/child-protection`

  const conference = (overrides: Record<string, string | string[]> = {}) => ({
    ...parts('heldOn', dates.icpc),
    section47Id: String(enquiryId),
    chairWorkerId: String(chairWorkerId),
    participants: 'Mother\nPolice – DC Shah\nSchool – designated safeguarding lead',
    childContribution: 'views-shared-another-way',
    childContributionNote: 'Leon drew a picture with his social worker and talked about it.',
    childsViews: 'Leon said he is scared when his dad shouts.',
    decision: 'plan',
    category: 'EMO',
    rationale: 'Continuing risk of significant harm from domestic abuse in the home.',
    ...overrides,
  })

  it('keeps the pages from anyone outside the child’s team', async () => {
    ;({ personId, referralId } = await childWithReferral(dates.referral, false))
    chairWorkerId = (await staff('iro')).workerId!
    for (const user of ['socialworker', 'iro']) {
      const client = await t.signedIn(user)
      expect((await client.get(base())).statusCode, user).toBe(404)
      expect((await client.get(`${base()}/strategy-discussions/new`)).statusCode, user).toBe(404)
      expect((await client.api('GET', `/api/v1/children/${personId}/cp-plans`)).statusCode, user).toBe(404)
    }
    const sw = await t.signedIn('socialworker')
    const posted = await sw.post(`${base()}/strategy-discussions/new`, {
      referralId: String(referralId),
      ...parts('heldOn', dates.strategy),
      agencies: ['social-care', 'police'],
      decision: 'section-47',
      rationale: 'Bruising seen at school.',
    })
    expect(posted.statusCode).toBe(404)
    expect((await counts(personId)).discussions).toBe(0)
    // An auditor may read the record but not change it.
    const auditor = await t.signedIn('auditor')
    expect((await auditor.get(base())).statusCode).toBe(200)
    expect(
      (
        await auditor.post(`${base()}/strategy-discussions/new`, {
          referralId: String(referralId),
          ...parts('heldOn', dates.strategy),
        })
      ).statusCode,
    ).toBe(403)
    const sw1 = await staff('socialworker')
    await db().insert(allocation).values({
      personId,
      teamId: sw1.teamId,
      workerId: sw1.workerId,
      kind: 'social-worker',
      startedOn: dates.referral,
    })
    const page = await sw.get(base())
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('No current child protection plan. Previous child protection plans: 0.')
  })

  it('records a strategy discussion, refusing bad input', async () => {
    const sw = await t.signedIn('socialworker')
    const good = {
      referralId: String(referralId),
      ...parts('heldOn', dates.strategy),
      agencies: ['social-care', 'police', 'health'],
      decision: 'section-47',
      rationale: 'Bruising to the face seen at school; Leon said his dad hit him.',
    }
    const cases: [Record<string, string | string[]>, string][] = [
      [{ ...good, ...parts('heldOn', addWorkingDays(now, 2)) }, 'must be today or in the past'],
      [{ ...good, ...parts('heldOn', workingDaysAgo(45)) }, 'cannot be before the referral'],
      [
        { ...good, agencies: ['social-care', 'health'] },
        'must include children’s social care and the police',
      ],
      [{ ...good, agencies: ['social-care', 'police', 'fire'] }, 'Choose agencies from the list'],
      [{ ...good, decision: '' }, 'Choose what the strategy discussion decided'],
      [{ ...good, rationale: ' ' }, 'Explain the reasons for the decision'],
      [{ ...good, referralId: '999999' }, 'Choose a referral of this child'],
    ]
    for (const [form, message] of cases) {
      const response = await sw.post(`${base()}/strategy-discussions/new`, form)
      expect(response.statusCode, message).toBe(400)
      expect(response.body, message).toContain(message)
    }
    expect((await counts(personId)).discussions).toBe(0)
    const created = await sw.post(`${base()}/strategy-discussions/new`, good)
    expect(created.statusCode).toBe(303)
    const [row] = await db()
      .select()
      .from(strategyDiscussion)
      .where(eq(strategyDiscussion.personId, personId))
    discussionId = row!.id
    expect(row).toMatchObject({ heldOn: dates.strategy, agencies: ['social-care', 'police', 'health'] })
    const log = await db()
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.subjectType, 'strategy-discussion'), eq(accessLog.action, 'create')))
    expect(log.some((l) => l.subjectId === String(discussionId))).toBe(true)
  })

  it('refuses the second of two concurrent edits of a strategy discussion', async () => {
    const sw = await t.signedIn('socialworker')
    const tm = await t.signedIn('teammanager')
    const form = await sw.get(`${base()}/strategy-discussions/${discussionId}/edit`)
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!
    const fields = {
      ...parts('heldOn', dates.strategy),
      agencies: ['social-care', 'police', 'health'],
      decision: 'section-47',
      version,
    }
    expect(
      (
        await tm.post(`${base()}/strategy-discussions/${discussionId}/edit`, {
          ...fields,
          agencies: ['social-care', 'police', 'health', 'education'],
          rationale: 'Bruising to the face; school and health agree.',
        })
      ).statusCode,
    ).toBe(303)
    const second = await sw.post(`${base()}/strategy-discussions/${discussionId}/edit`, {
      ...fields,
      rationale: 'Mine',
    })
    expect(second.statusCode).toBe(409)
    expect(second.body).toContain('Someone else changed this strategy discussion')
  })

  it('starts a section 47 enquiry, not before its strategy discussion', async () => {
    const sw = await t.signedIn('socialworker')
    const page = await sw.get(base())
    expect(page.body).toContain('Start the section 47 enquiry')
    const before = await sw.post(`${base()}/section47s/new`, {
      strategyDiscussionId: String(discussionId),
      ...parts('startDate', workingDaysAgo(39)),
    })
    expect(before.statusCode).toBe(400)
    expect(before.body).toContain('The enquiry cannot start before the strategy discussion')
    const future = await sw.post(`${base()}/section47s/new`, {
      strategyDiscussionId: String(discussionId),
      ...parts('startDate', addWorkingDays(now, 1)),
    })
    expect(future.body).toContain('must be today or in the past')
    const badOutcome = await sw.post(`${base()}/section47s/new`, {
      strategyDiscussionId: String(discussionId),
      ...parts('startDate', dates.s47),
      outcome: 'icpc',
      icpcNotRequired: 'yes',
    })
    expect(badOutcome.body).toContain('Enter the date of the outcome')
    expect(badOutcome.body).toContain('not both')
    expect((await counts(personId)).enquiries).toBe(0)
    const created = await sw.post(`${base()}/section47s/new`, {
      strategyDiscussionId: String(discussionId),
      ...parts('startDate', dates.s47),
    })
    expect(created.statusCode).toBe(303)
    const [row] = await db().select().from(section47).where(eq(section47.personId, personId))
    enquiryId = row!.id
    expect(row).toMatchObject({ startDate: dates.s47, strategyDiscussionId: discussionId, referralId })
    // Recording the outcome: not before the enquiry started.
    const endBeforeStart = await sw.post(`${base()}/section47s/${enquiryId}/edit`, {
      ...parts('startDate', dates.s47),
      outcome: 'icpc',
      ...parts('outcomeDate', dates.strategy),
      version: '1',
    })
    expect(endBeforeStart.statusCode).toBe(400)
    expect(endBeforeStart.body).toContain('The outcome cannot be before the enquiry started')
    const concluded = await sw.post(`${base()}/section47s/${enquiryId}/edit`, {
      ...parts('startDate', dates.s47),
      outcome: 'icpc',
      ...parts('outcomeDate', workingDaysAgo(33)),
      version: '1',
    })
    expect(concluded.statusCode).toBe(303)
    const [updated] = await db().select().from(section47).where(eq(section47.id, enquiryId))
    expect(updated).toMatchObject({ outcome: 'icpc', outcomeDate: workingDaysAgo(33), version: 2 })
    // One enquiry per discussion.
    const again = await sw.post(`${base()}/section47s/new`, {
      strategyDiscussionId: String(discussionId),
      ...parts('startDate', dates.s47),
    })
    expect(again.body).toContain('An enquiry has already started from that strategy discussion')
    // The strategy discussion cannot now be moved after the enquiry.
    const [sd] = await db().select().from(strategyDiscussion).where(eq(strategyDiscussion.id, discussionId))
    const moved = await sw.post(`${base()}/strategy-discussions/${discussionId}/edit`, {
      ...parts('heldOn', dates.icpc),
      agencies: ['social-care', 'police'],
      decision: 'no-section-47',
      rationale: 'x',
      version: String(sd!.version),
    })
    expect(moved.body).toContain('cannot be after the section 47 enquiry')
    expect(moved.body).toContain('the decision cannot change')
  })

  it('refuses an initial conference with bad input, changing nothing', async () => {
    const sw = await t.signedIn('socialworker')
    const form = await sw.get(`${base()}/conferences/new?section47Id=${enquiryId}`)
    expect(form.statusCode).toBe(200)
    expect(form.body).toContain(`value="${chairWorkerId}"`)
    let saturday = dates.icpc
    while (!isWeekend(saturday)) saturday = addCalendarDays(saturday, 1)
    const socialWorker = await staff('socialworker')
    const cases: [Record<string, string | string[]>, string][] = [
      [conference(parts('heldOn', workingDaysAgo(38))), 'cannot be before the section 47 enquiry started'],
      [conference(parts('heldOn', addWorkingDays(now, 3))), 'must be today or in the past'],
      [conference(parts('heldOn', saturday)), 'cannot be on a Saturday or Sunday'],
      [conference({ category: '' }), 'Choose the category of abuse for the plan'],
      [conference({ category: 'XYZ' }), 'Choose a category of abuse from the list'],
      [conference({ chairWorkerId: String(socialWorker.workerId) }), 'must be a child protection chair'],
      [conference({ chairWorkerId: '' }), 'Choose who chaired the conference'],
      [conference({ participants: '' }), 'List who took part in the conference'],
      [
        conference({ childContribution: 'not-sought', childContributionNote: '' }),
        'Say why the child’s views were not sought',
      ],
      [conference({ childContribution: '' }), 'Say how the child contributed'],
      [conference({ decision: '' }), 'Choose whether the child needs a child protection plan'],
      [conference({ rationale: '' }), 'Explain the reasons for the conference’s decision'],
      [
        conference({ actionDescription: 'Dad to attend a perpetrator programme' }),
        'Say who will do the first action',
      ],
    ]
    for (const [form, message] of cases) {
      const response = await sw.post(`${base()}/conferences/new`, form)
      expect(response.statusCode, message).toBe(400)
      expect(response.body, message).toContain(message)
    }
    expect(await counts(personId)).toMatchObject({ conferences: 0, plans: 0, documents: 0 })
  })

  it('makes the plan at the initial conference, with its plan document and chair', async () => {
    const sw = await t.signedIn('socialworker')
    const dueDate = addWorkingDays(now, 20)
    const created = await sw.post(
      `${base()}/conferences/new`,
      conference({
        firstOutcome: 'Leon lives free from domestic abuse.',
        actionDescription: 'Dad to attend a perpetrator programme',
        actionOwner: 'Father',
        ...parts('actionDueDate', dueDate),
        actionMeasure: 'Attendance confirmed by the programme',
        contingency: 'If Dad returns home, a strategy discussion is held the same day.',
      }),
    )
    expect(created.statusCode).toBe(303)
    expect(created.headers.location).toContain('planMade=')
    const [cp] = await db().select().from(cpPlan).where(eq(cpPlan.personId, personId))
    cpPlanId = cp!.id
    expect(cp).toMatchObject({
      startDate: dates.icpc,
      initialCategory: 'EMO',
      latestCategory: 'EMO',
      referralId,
    })
    const [conf] = await db().select().from(cpConference).where(eq(cpConference.personId, personId))
    expect(conf).toMatchObject({
      kind: 'initial',
      section47Id: enquiryId,
      cpPlanId,
      decision: 'plan',
      category: 'EMO',
      childAttended: false,
      chairWorkerId,
      participants: ['Mother', 'Police – DC Shah', 'School – designated safeguarding lead'],
    })
    const [doc] = await db().select().from(plan).where(eq(plan.cpPlanId, cpPlanId))
    expect(doc).toMatchObject({
      kind: 'child-protection',
      startDate: dates.icpc,
      nextReviewDue: addMonths(dates.icpc, 3),
      referralId,
    })
    const actions = await db().select().from(planAction).where(eq(planAction.planId, doc!.id))
    expect(actions).toMatchObject([{ description: 'Dad to attend a perpetrator programme', dueDate }])
    const [chair] = await db()
      .select()
      .from(allocation)
      .where(
        and(eq(allocation.personId, personId), eq(allocation.kind, 'cp-chair'), isNull(allocation.endedOn)),
      )
    expect(chair).toMatchObject({ workerId: chairWorkerId, startedOn: dates.icpc })
    const history = await db()
      .select()
      .from(changeHistory)
      .where(and(eq(changeHistory.entityType, 'cp-plan'), eq(changeHistory.entityId, String(cpPlanId))))
    expect(history.map((h) => h.field)).toContain('initialCategory')
    // The chair can now open the record.
    const iro = await t.signedIn('iro')
    const page = await iro.get(created.headers.location!)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('A child protection plan has been made')
    expect(page.body).toContain('Emotional abuse')
    // A second initial conference for the same enquiry is refused.
    const again = await sw.post(`${base()}/conferences/new`, conference())
    expect(again.statusCode).toBe(400)
    expect((await counts(personId)).conferences).toBe(1)
  })

  it('records core groups on the plan', async () => {
    const sw = await t.signedIn('socialworker')
    const early = await sw.post(`${base()}/cp-plans/${cpPlanId}/core-groups/new`, {
      ...parts('heldOn', dates.s47),
      attendees: 'Mother',
      summary: 'x',
    })
    expect(early.statusCode).toBe(400)
    expect(early.body).toContain('The core group cannot meet before the plan started')
    const empty = await sw.post(
      `${base()}/cp-plans/${cpPlanId}/core-groups/new`,
      parts('heldOn', dates.coreGroup),
    )
    expect(empty.body).toContain('List who attended the core group')
    expect(empty.body).toContain('Summarise the meeting')
    expect((await counts(personId)).coreGroups).toBe(0)
    const ok = await sw.post(`${base()}/cp-plans/${cpPlanId}/core-groups/new`, {
      ...parts('heldOn', dates.coreGroup),
      attendees: 'Mother\nSocial worker\nSchool',
      summary: 'Dad has started the programme. Leon is settled at school.',
    })
    expect(ok.statusCode).toBe(303)
    const [g] = await db().select().from(coreGroup).where(eq(coreGroup.cpPlanId, cpPlanId))
    expect(g).toMatchObject({ heldOn: dates.coreGroup, attendees: ['Mother', 'Social worker', 'School'] })
  })

  it('reviews the plan: the category may change, and two reviews of the same version conflict', async () => {
    const sw = await t.signedIn('socialworker')
    const iro = await t.signedIn('iro')
    const form = await iro.get(`${base()}/cp-plans/${cpPlanId}/review`)
    expect(form.statusCode).toBe(200)
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!
    const review = (overrides: Record<string, string | string[]> = {}) => {
      const { section47Id: _, ...rest } = conference({
        ...parts('heldOn', dates.review1),
        decision: 'continue-plan',
        category: 'NEG',
        version,
        ...overrides,
      })
      return rest
    }
    const onStart = await iro.post(
      `${base()}/cp-plans/${cpPlanId}/review`,
      review(parts('heldOn', dates.icpc)),
    )
    expect(onStart.statusCode).toBe(400)
    expect(onStart.body).toContain('A review conference must be after the plan started')
    const noCategory = await iro.post(`${base()}/cp-plans/${cpPlanId}/review`, review({ category: '' }))
    expect(noCategory.body).toContain('Choose the category of abuse for the plan')
    const ok = await iro.post(`${base()}/cp-plans/${cpPlanId}/review`, review())
    expect(ok.statusCode).toBe(303)
    const stale = await sw.post(`${base()}/cp-plans/${cpPlanId}/review`, review({ category: 'PHY' }))
    expect(stale.statusCode).toBe(409)
    expect(stale.body).toContain('Someone else changed this child protection plan')
    const [cp] = await db().select().from(cpPlan).where(eq(cpPlan.id, cpPlanId))
    expect(cp).toMatchObject({ initialCategory: 'EMO', latestCategory: 'NEG', endDate: null })
    expect((await counts(personId)).conferences).toBe(2)
    const [doc] = await db().select().from(plan).where(eq(plan.cpPlanId, cpPlanId))
    expect(doc!.nextReviewDue).toBe(addMonths(dates.review1, 6))
  })

  it('ends the plan at a review, with the reason and the conference’s rationale', async () => {
    const iro = await t.signedIn('iro')
    const [cp] = await db().select().from(cpPlan).where(eq(cpPlan.id, cpPlanId))
    const review = (overrides: Record<string, string | string[]> = {}) => {
      const { section47Id: _, ...rest } = conference({
        ...parts('heldOn', dates.review2),
        decision: 'end-plan',
        category: '',
        endReason: 'no-longer-needed',
        rationale: 'Dad has moved away and completed the programme; Mother is protective.',
        version: String(cp!.version),
        ...overrides,
      })
      return rest
    }
    const noReason = await iro.post(`${base()}/cp-plans/${cpPlanId}/review`, review({ endReason: '' }))
    expect(noReason.body).toContain('Choose why the plan is ending')
    const noRationale = await iro.post(`${base()}/cp-plans/${cpPlanId}/review`, review({ rationale: '' }))
    expect(noRationale.body).toContain('Explain the reasons for the conference’s decision')
    const beforeLast = await iro.post(
      `${base()}/cp-plans/${cpPlanId}/review`,
      review(parts('heldOn', workingDaysAgo(20))),
    )
    expect(beforeLast.body).toContain('must be after the last conference')
    const ended = await iro.post(`${base()}/cp-plans/${cpPlanId}/review`, review())
    expect(ended.statusCode).toBe(303)
    const [after] = await db().select().from(cpPlan).where(eq(cpPlan.id, cpPlanId))
    expect(after).toMatchObject({
      endDate: dates.review2,
      endReason: 'no-longer-needed',
      endRationale: 'Dad has moved away and completed the programme; Mother is protective.',
      latestCategory: 'NEG',
    })
    const [doc] = await db().select().from(plan).where(eq(plan.cpPlanId, cpPlanId))
    expect(doc!.endDate).toBe(dates.review2)
    const chairs = await db()
      .select()
      .from(allocation)
      .where(
        and(eq(allocation.personId, personId), eq(allocation.kind, 'cp-chair'), isNull(allocation.endedOn)),
      )
    expect(chairs).toHaveLength(0)
    // The chair's involvement has ended with the plan, so the record is closed to them again.
    expect((await iro.get(base())).statusCode).toBe(404)
    // A plan that has ended cannot be reviewed again.
    const sw = await t.signedIn('socialworker')
    const [ended2] = await db().select().from(cpPlan).where(eq(cpPlan.id, cpPlanId))
    const again = await sw.post(
      `${base()}/cp-plans/${cpPlanId}/review`,
      review({ ...parts('heldOn', now), version: String(ended2!.version) }),
    )
    expect(again.statusCode).toBe(400)
    expect(again.body).toContain('This plan ended on')
  })

  it('shows everything in order, with the number of previous plans', async () => {
    const sw = await t.signedIn('socialworker')
    const page = await sw.get(base())
    expect(page.statusCode).toBe(200)
    const order = [
      'Strategy discussion',
      'Section 47 enquiry started',
      'Initial child protection conference',
      'Child protection plan started',
      'Core group meeting',
      'Review child protection conference',
      'Child protection plan ended',
    ].map((text) => page.body.indexOf(`<td class="govuk-table__cell">${text}</td>`))
    expect(order.every((i) => i > 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    expect(page.body).toContain('Previous child protection plans: 1.')
    expect(page.body).toContain('Neglect')
    expect(page.body).toContain('A plan is no longer needed')
  })

  it('steps down to a child in need plan when the review says so', async () => {
    const { personId: pid, referralId: rid } = await childWithReferral(dates.referral)
    const sw = await t.signedIn('socialworker')
    const api = (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
      sw.api(method, `/api/v1/children/${pid}${path}`, body)
    const badSd = await api('POST', '/strategy-discussions', {
      referralId: rid,
      heldOn: addWorkingDays(now, 1),
      agencies: ['social-care'],
      decision: 'maybe',
      rationale: '',
    })
    expect(badSd.statusCode).toBe(400)
    expect(badSd.headers['content-type']).toContain('application/problem+json')
    expect(
      badSd
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/agencies', '/decision', '/heldOn', '/rationale'])
    const sd = await api('POST', '/strategy-discussions', {
      referralId: rid,
      heldOn: dates.strategy,
      agencies: ['social-care', 'police'],
      decision: 'section-47',
      rationale: 'Neglect: home conditions very poor.',
    })
    expect(sd.statusCode).toBe(201)
    const badS47 = await api('POST', '/section47s', {
      strategyDiscussionId: sd.json().id,
      startDate: workingDaysAgo(39),
    })
    expect(badS47.statusCode).toBe(400)
    const s47 = await api('POST', '/section47s', { strategyDiscussionId: sd.json().id, startDate: dates.s47 })
    expect(s47.statusCode).toBe(201)
    const body = {
      kind: 'initial',
      section47Id: s47.json().id,
      heldOn: dates.icpc,
      chairWorkerId,
      participants: ['Mother', 'Health visitor'],
      childContribution: 'not-sought',
      childContributionNote: 'Too young to share views.',
      decision: 'plan',
      category: 'NEG',
      rationale: 'Neglect continuing.',
    }
    const noCategory = await api('POST', '/conferences', { ...body, category: null })
    expect(noCategory.statusCode).toBe(400)
    expect(noCategory.json().errors).toEqual([
      { pointer: '/category', detail: 'Choose the category of abuse for the plan' },
    ])
    const icpc = await api('POST', '/conferences', body)
    expect(icpc.statusCode).toBe(201)
    const { cpPlanId: newPlanId, planId } = icpc.json()
    expect(planId).toBeGreaterThan(0)
    const plans = await api('GET', '/cp-plans')
    expect(plans.json()[0]).toMatchObject({
      id: newPlanId,
      initialCategory: 'NEG',
      previousPlans: 0,
      planDocumentId: planId,
    })
    const core = await api('POST', '/core-groups', {
      cpPlanId: newPlanId,
      heldOn: dates.coreGroup,
      attendees: ['Mother'],
      summary: 'Home conditions improving.',
    })
    expect(core.statusCode).toBe(201)
    const [cp] = await db().select().from(cpPlan).where(eq(cpPlan.id, newPlanId))
    const stepDown = await api('POST', '/conferences', {
      ...body,
      kind: 'review',
      section47Id: undefined,
      cpPlanId: newPlanId,
      version: cp!.version,
      heldOn: dates.review2,
      decision: 'end-plan',
      category: null,
      endReason: 'step-down-cin',
      rationale: 'Home conditions have improved and been sustained.',
    })
    expect(stepDown.statusCode).toBe(201)
    const [ended] = await db().select().from(cpPlan).where(eq(cpPlan.id, newPlanId))
    expect(ended).toMatchObject({ endDate: dates.review2, endReason: 'step-down-cin', latestCategory: 'NEG' })
    const docs = await db().select().from(plan).where(eq(plan.personId, pid))
    expect(docs.find((d) => d.kind === 'child-protection')!.endDate).toBe(dates.review2)
    expect(docs.find((d) => d.kind === 'child-in-need')).toMatchObject({
      startDate: dates.review2,
      endDate: null,
    })
    const conferences = await api('GET', '/conferences')
    expect(conferences.json().map((c: { decision: string }) => c.decision)).toEqual(['plan', 'end-plan'])
    expect((await api('GET', '/core-groups')).json()).toHaveLength(1)
    expect((await api('GET', '/section47s')).json()[0]).toMatchObject({ icpcHeldOn: dates.icpc })
    const openapi = (await t.app.inject({ url: '/api/openapi.json' })).json()
    for (const path of ['strategy-discussions', 'section47s', 'conferences', 'cp-plans', 'core-groups'])
      expect(openapi.paths[`/api/v1/children/{personId}/${path}`]?.get, path).toBeDefined()
    // Through another child's address, nothing is found.
    expect((await sw.api('GET', `/api/v1/children/${pid}/cp-plans`)).statusCode).toBe(200)
    const wrongChild = await sw.api('POST', `/api/v1/children/${personId}/core-groups`, {
      cpPlanId: newPlanId,
      heldOn: dates.coreGroup,
      attendees: ['Mother'],
      summary: 'x',
    })
    expect(wrongChild.statusCode).toBe(404)
  })
})
