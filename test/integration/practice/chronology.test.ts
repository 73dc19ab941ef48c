import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  assessment,
  caseNote,
  contact,
  cpConference,
  cpPlan,
  earlyHelpEpisode,
  oversight,
  person,
  plan,
  planReview,
  planVersion,
  referral,
  relationship,
  section47,
  significantEvent,
  strategyDiscussion,
  userAccount,
  visit,
  worker,
} from '../../../src/db/schema/index.ts'
import { type ChronologyEntry, chronology } from '../../../src/services/chronology.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'
import {
  childOfSocialWorker,
  dateParts,
  demoWorker,
  openReferral,
  planWithActions,
  userWith,
} from './support.ts'

let t: TestApp
let childId: number
let siblingId: number
let halfSiblingId: number
let restrictedSiblingId: number

beforeAll(async () => {
  t = await buildTestApp()
  const db = t.database.db
  const sw = await demoWorker(t, 'socialworker')
  const tm = await demoWorker(t, 'teammanager')
  childId = await childOfSocialWorker(t, {
    givenName: 'Jayden',
    familyName: 'Price',
    dateOfBirth: '2015-02-10',
  })
  siblingId = await childOfSocialWorker(t, { givenName: 'Kayla', familyName: 'Price' })
  halfSiblingId = await childOfSocialWorker(t, { givenName: 'Tyler', familyName: 'Hughes' })
  const [restricted] = await db
    .insert(person)
    .values({ givenName: 'Sealed', familyName: 'Sibling', accessRestriction: 'sealed' })
    .returning({ id: person.id })
  restrictedSiblingId = restricted!.id
  await db.insert(relationship).values([
    { personId: childId, relatedPersonId: siblingId, type: 'sibling' },
    // Recorded the other way round: Jayden is Tyler's half-brother.
    { personId: halfSiblingId, relatedPersonId: childId, type: 'half-sibling' },
    { personId: childId, relatedPersonId: restrictedSiblingId, type: 'sibling' },
  ])

  // An earlier episode, closed.
  const [old] = await db
    .insert(referral)
    .values({
      personId: childId,
      referralDate: '2024-03-01',
      source: '6',
      primaryNeed: 'N4',
      closureProposedOn: '2024-06-01',
      closureReason: 'RC7',
      closureRationale: 'Family engaged well with support and concerns reduced.',
      closureDate: '2024-06-03',
      closureSignedOffBy: tm.userId,
    })
    .returning({ id: referral.id })
  await db.insert(earlyHelpEpisode).values({
    personId: childId,
    startedOn: '2024-07-01',
    leadProfessional: 'School family support worker',
    endedOn: '2025-12-20',
    endReason: 'stepped-up',
    steppedDownFrom: old!.id,
  })
  // The current episode.
  await db.insert(contact).values({
    personId: childId,
    receivedAt: new Date('2026-01-04T23:30:00Z'),
    source: '2A',
    concerns: 'Jayden disclosed that his mother’s partner hit him.',
    consent: 'not-sought-safeguarding',
    decision: 'referral',
    decisionAt: new Date('2026-01-05T10:00:00Z'),
    decisionRationale: 'Disclosure of physical harm by an adult in the household.',
  })
  const referralId = await openReferral(t, childId, '2026-01-05')
  await db.insert(assessment).values({
    referralId,
    personId: childId,
    startDate: '2026-01-06',
    authorisedOn: '2026-02-20',
    outcome: 'cin-plan',
    nextSteps: 'Child in need plan with weekly visits.',
  })
  const [strategy] = await db
    .insert(strategyDiscussion)
    .values({
      referralId,
      personId: childId,
      heldOn: '2026-01-06',
      agencies: ['social-care', 'police', 'health'],
      decision: 'section-47',
      rationale: 'Reasonable cause to suspect significant harm.',
    })
    .returning({ id: strategyDiscussion.id })
  await db.insert(section47).values({
    referralId,
    personId: childId,
    strategyDiscussionId: strategy!.id,
    startDate: '2026-01-06',
    outcome: 'icpc',
    outcomeDate: '2026-01-16',
  })
  await db.insert(cpConference).values({
    referralId,
    personId: childId,
    kind: 'initial',
    heldOn: '2026-01-27',
    participants: ['social-care', 'school'],
    childContribution: 'views-shared-another-way',
    decision: 'plan',
    category: 'PHY',
  })
  const [cp] = await db
    .insert(cpPlan)
    .values({
      referralId,
      personId: childId,
      startDate: '2026-01-27',
      initialCategory: 'PHY',
      latestCategory: 'PHY',
      endDate: '2026-02-18',
      endReason: 'step-down-cin',
    })
    .returning({ id: cpPlan.id })
  // Its plan document, as the initial conference makes it and the step-down ends it.
  await db.insert(plan).values({
    personId: childId,
    kind: 'child-protection',
    referralId,
    cpPlanId: cp!.id,
    startDate: '2026-01-27',
    endDate: '2026-02-18',
  })
  const { planId } = await planWithActions(t, childId, referralId, ['Mother to attend parenting course'])
  await db.insert(planVersion).values([
    { planId, version: 1, reason: 'Plan made', snapshot: {}, savedAt: new Date('2026-02-01T12:00:00Z') },
    {
      planId,
      version: 2,
      reason: 'Added a contingency after the review',
      snapshot: {},
      savedAt: new Date('2026-03-02T12:00:00Z'),
    },
  ])
  await db.insert(planReview).values({
    planId,
    personId: childId,
    heldOn: '2026-03-01',
    attendance: ['social-care', 'school'],
    childContribution: 'attended',
    decisions: 'Plan continues; visits fortnightly.',
    actionProgress: [],
  })
  await db.insert(visit).values({
    personId: childId,
    visitedOn: '2026-02-10',
    visitedBy: sw.workerId,
    kind: 'cin',
    childSeen: true,
    childSeenAlone: true,
    bedroomSeen: true,
    wishesAndFeelings: 'Jayden wants to stay living with his mum.',
  })
  await db.insert(caseNote).values([
    {
      personId: childId,
      type: 'phone-call',
      occurredOn: '2026-02-12',
      subject: 'Police called about an incident at home',
      body: 'Police attended overnight after a neighbour reported shouting.',
      significant: true,
    },
    {
      personId: childId,
      type: 'email',
      occurredOn: '2026-02-13',
      subject: 'Routine email to school',
      body: 'Asked for attendance figures.',
      significant: false,
    },
  ])
  await db.insert(oversight).values({
    personId: childId,
    recordedOn: '2026-02-21',
    managerUserId: tm.userId,
    kind: 'assessment-sign-off',
    decision: 'Agree the child in need plan and weekly visits.',
    rationale: 'Risks reduced since the partner left; mother is working with the plan.',
  })
  await db.insert(significantEvent).values([
    {
      personId: childId,
      occurredOn: '2026-02-14',
      category: 'household-change',
      description: "Mother's partner moved out.",
      impactOnChild: 'Jayden says he feels safer at home and is sleeping better.',
      recordedBy: sw.userId,
    },
    // Siblings' events: shared ones appear in Jayden's chronology; private ones and a sealed record's do not.
    {
      personId: siblingId,
      occurredOn: '2026-02-12',
      category: 'police',
      description: 'Domestic abuse incident at the family home; police attended.',
      impactOnChild: 'Kayla hid in her room and was frightened to go to school the next day.',
      sharedWithSiblings: true,
    },
    {
      personId: siblingId,
      occurredOn: '2026-02-15',
      category: 'health',
      description: "Kayla's private health appointment.",
      impactOnChild: 'Only relevant to Kayla herself.',
    },
    {
      personId: halfSiblingId,
      occurredOn: '2026-03-05',
      category: 'household-change',
      description: 'The family moved to a new address.',
      impactOnChild: 'A new school for Tyler and a long journey to see his friends.',
      sharedWithSiblings: true,
    },
    {
      personId: restrictedSiblingId,
      occurredOn: '2026-03-06',
      category: 'placement',
      description: 'Placed with adopters.',
      impactOnChild: 'Must never appear in a birth sibling’s chronology.',
      sharedWithSiblings: true,
    },
  ])
})
afterAll(() => t.close())

const titles = (entries: ChronologyEntry[]) => entries.map((e) => `${e.date} ${e.title}`)

describe('the child impact chronology', () => {
  it('is built from everything on the record, in date order', async () => {
    const entries = await chronology(t.database.db, childId)
    const list = titles(entries)
    const expected = [
      "2024-03-01 Referral to children's social care (primary need: Family in acute stress)",
      '2024-06-03 Case closed: Services ceased for any other reason, including child no longer in need',
      '2024-07-01 Early help began',
      "2025-12-20 Early help ended: stepped up to children's social care",
      // Received at 23:30 UTC on 4 January is 4 January in London; decided on the 5th.
      '2026-01-04 Contact received from SCHOOLS',
      "2026-01-05 Contact decision: referral to children's social care",
      '2026-01-06 Assessment began',
      '2026-01-06 Strategy discussion: section 47 enquiry to start',
      '2026-01-06 Section 47 enquiry began',
      '2026-01-16 Section 47 enquiry outcome: initial child protection conference',
      '2026-01-27 Initial child protection conference: child protection plan',
      '2026-01-27 Child protection plan began (category: physical abuse)',
      '2026-02-01 Child in need plan began',
      '2026-02-10 Child in need visit: child seen alone, bedroom seen',
      '2026-02-12 Phone call: Police called about an incident at home',
      '2026-02-12 Police involvement',
      '2026-02-14 Change in the household',
      '2026-02-18 Child protection plan ended: stepped down to child in need',
      '2026-02-20 Assessment authorised: child in need plan',
      '2026-02-21 Management oversight: assessment sign-off',
      '2026-03-01 Child in need plan reviewed',
      '2026-03-02 Child in need plan changed',
      '2026-03-05 Change in the household',
    ]
    expect(list).toEqual(expect.arrayContaining(expected))
    // The proposal of a closed episode is part of its closure, not a separate entry.
    expect(list.some((l) => l.includes('Closure proposed'))).toBe(false)
    expect(list.some((l) => l.includes('Allocated to'))).toBe(true)
    // In date order.
    expect([...entries.map((e) => e.date)].sort()).toEqual(entries.map((e) => e.date))
    // Not every contact: a note not marked significant stays out.
    expect(list.some((l) => l.includes('Routine email to school'))).toBe(false)
    // Worker-added events carry their impact on the child.
    expect(entries.find((e) => e.title === 'Change in the household' && !e.sharedFrom)?.impact).toContain(
      'feels safer at home',
    )
    // Who did it: the visiting worker by name, the manager for oversight.
    const db = t.database.db
    const [visitor] = await db
      .select({ name: sql<string>`${worker.givenName} || ' ' || ${worker.familyName}` })
      .from(visit)
      .innerJoin(worker, eq(worker.id, visit.visitedBy))
      .where(eq(visit.personId, childId))
    const [manager] = await db
      .select({ name: userAccount.displayName })
      .from(oversight)
      .innerJoin(userAccount, eq(userAccount.id, oversight.managerUserId))
      .where(eq(oversight.personId, childId))
    expect(entries.find((e) => e.type === 'visit')?.by).toBe(visitor!.name)
    expect(entries.find((e) => e.type === 'oversight')?.by).toBe(manager!.name)
  })

  it('lists a child protection plan once, with its category and why it ended, not again as its plan document', async () => {
    const list = titles(await chronology(t.database.db, childId))
    expect(list.filter((l) => /Child protection plan (began|ended)/.test(l))).toEqual([
      '2026-01-27 Child protection plan began (category: physical abuse)',
      '2026-02-18 Child protection plan ended: stepped down to child in need',
    ])
    // Other plans still start and end in it.
    expect(list).toContain('2026-02-01 Child in need plan began')
  })

  it("includes siblings' shared events (either way round), never their private ones or a sealed record's", async () => {
    const entries = await chronology(t.database.db, childId, { types: ['significant-event'] })
    const shared = entries.filter((e) => e.sharedFrom)
    expect(shared.map((e) => [e.date, e.sharedFrom!.name])).toEqual([
      ['2026-02-12', 'Kayla Price'],
      ['2026-03-05', 'Tyler Hughes'],
    ])
    expect(shared[0]!.impact).toContain('Kayla hid in her room')
    const all = JSON.stringify(await chronology(t.database.db, childId))
    expect(all).not.toContain('private health appointment')
    expect(all).not.toContain('Placed with adopters')
    // And Jayden's own shared event… was not shared, so Kayla does not see it.
    const kayla = await chronology(t.database.db, siblingId, { types: ['significant-event'] })
    expect(kayla.some((e) => e.sharedFrom?.personId === childId)).toBe(false)
  })

  it('filters by kind of event and by period, oldest or newest first', async () => {
    const visitsAndOversight = await chronology(t.database.db, childId, { types: ['visit', 'oversight'] })
    expect(visitsAndOversight.map((e) => e.type)).toEqual(['visit', 'oversight'])
    const february = await chronology(t.database.db, childId, {
      from: '2026-02-01',
      to: '2026-02-28',
      order: 'newest',
    })
    expect(february.every((e) => e.date >= '2026-02-01' && e.date <= '2026-02-28')).toBe(true)
    expect(february[0]!.date).toBe('2026-02-21')
    expect(february.at(-1)!.date).toBe('2026-02-01')
  })

  it('shows on the page with filters, in a print-friendly view, and through the API', async () => {
    const sw = await t.signedIn('socialworker')
    const page = await sw.get(`/children/${childId}/chronology`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Strategy discussion: section 47 enquiry to start')
    expect(page.body).toContain('From Kayla Price')
    expect(page.body).toContain('Sections of the record')
    const filtered = await sw.get(
      `/children/${childId}/chronology?type=visit&from-day=1&from-month=2&from-year=2026&to-day=28&to-month=2&to-year=2026`,
    )
    expect(filtered.body).toContain('Child in need visit')
    expect(filtered.body).not.toContain('section 47 enquiry to start')
    expect(filtered.body).toContain('1 event,')
    const bad = await sw.get(`/children/${childId}/chronology?from-day=31&from-month=2&from-year=2026`)
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('The start of the period must be a real date')

    const print = await sw.get(`/children/${childId}/chronology/print?type=visit&type=significant-event`)
    expect(print.statusCode).toBe(200)
    expect(print.body).toContain('Chronology for Jayden Price')
    expect(print.body).toContain('Child in need visit')
    expect(print.body).not.toContain('Sections of the record')
    expect(print.body).not.toContain('section 47 enquiry to start')

    const api = await sw.api('GET', `/api/v1/children/${childId}/chronology?type=visit&type=oversight`)
    expect(api.statusCode).toBe(200)
    expect(api.json().map((e: { type: string }) => e.type)).toEqual(['visit', 'oversight'])
    const one = await sw.api('GET', `/api/v1/children/${childId}/chronology?type=closure&order=newest`)
    expect(one.json()[0].title).toContain('Case closed')
    const wrong = await sw.api('GET', `/api/v1/children/${childId}/chronology?type=gossip`)
    expect(wrong.statusCode).toBe(400)
  })

  it('lets a worker add a significant event with its impact, shared with siblings', async () => {
    const sw = await t.signedIn('socialworker')
    expect((await sw.get(`/children/${childId}/chronology/events/new`)).statusCode).toBe(200)
    const saved = await sw.post(`/children/${childId}/chronology/events/new`, {
      ...dateParts('occurredOn', '2026-03-10'),
      category: 'incident',
      description: 'Father arrived drunk at the school gate.',
      impactOnChild: 'Jayden was embarrassed in front of his friends and did not want to go home.',
      sharedWithSiblings: 'yes',
    })
    expect(saved.statusCode).toBe(303)
    const kayla = await chronology(t.database.db, siblingId)
    expect(kayla.find((e) => e.sharedFrom?.personId === childId)?.title).toBe('Incident')

    const events = await sw.api('GET', `/api/v1/children/${siblingId}/significant-events`)
    expect(
      events.json().some((e: { shared: boolean; personId: number }) => e.shared && e.personId === childId),
    ).toBe(true)
    const viaApi = await sw.api('POST', `/api/v1/children/${childId}/significant-events`, {
      occurredOn: '2026-03-11',
      category: 'education',
      description: 'Excluded for a day.',
      impactOnChild: 'Missed a day of school and felt singled out.',
    })
    expect(viaApi.statusCode).toBe(201)
  })

  it('refuses an event without its impact on the child, or in the future', async () => {
    const sw = await t.signedIn('socialworker')
    const before = (await t.database.db.select().from(significantEvent)).length
    const response = await sw.post(`/children/${childId}/chronology/events/new`, {
      ...dateParts('occurredOn', '2099-03-10'),
      category: 'incident',
      description: 'Something happened.',
      impactOnChild: '',
    })
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('Describe the impact on the child')
    expect(response.body).toContain('The date of the event must be today or in the past')
    const thin = await sw.api('POST', `/api/v1/children/${childId}/significant-events`, {
      occurredOn: '2026-03-11',
      category: 'incident',
      description: 'Something happened.',
      impactOnChild: 'Sad.',
    })
    expect(thin.statusCode).toBe(400)
    expect(thin.json().errors[0].pointer).toBe('/impactOnChild')
    expect((await t.database.db.select().from(significantEvent)).length).toBe(before)
  })

  it("is refused to a user outside the child's team", async () => {
    const sw = await demoWorker(t, 'socialworker')
    const outsider = await userWith(t, 'social-worker', { notTeamId: sw.teamId })
    const client = await t.signedIn(outsider.username)
    expect((await client.get(`/children/${childId}/chronology`)).statusCode).toBe(404)
    expect((await client.get(`/children/${childId}/chronology/print`)).statusCode).toBe(404)
    expect((await client.api('GET', `/api/v1/children/${childId}/chronology`)).statusCode).toBe(404)
  })

  it('lists every one of 500 events in date order', async () => {
    const db = t.database.db
    const busy = await childOfSocialWorker(t, { givenName: 'Busy', familyName: 'Record' })
    const day = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)
    await db.insert(visit).values(
      Array.from({ length: 200 }, (_, i) => ({
        personId: busy,
        visitedOn: day(i * 3),
        kind: 'cp' as const,
        childSeen: true,
        childSeenAlone: i % 2 === 0,
        wishesAndFeelings: 'Said they were fine.',
      })),
    )
    await db.insert(caseNote).values(
      Array.from({ length: 150 }, (_, i) => ({
        personId: busy,
        type: 'meeting' as const,
        occurredOn: day(i * 4 + 1),
        subject: `Core group ${i}`,
        body: 'Discussed progress.',
        significant: true,
      })),
    )
    await db.insert(significantEvent).values(
      Array.from({ length: 150 }, (_, i) => ({
        personId: busy,
        occurredOn: day(i * 4 + 2),
        category: 'incident' as const,
        description: `Incident ${i}`,
        impactOnChild: 'Frightened and unsettled for days.',
      })),
    )
    // Speed is measured by bench/record.bench.ts on PostgreSQL (p95 ≤ 150 ms); here, that all of it comes back
    // in order.
    const events = await chronology(db, busy)
    expect(events.length).toBeGreaterThanOrEqual(500)
    const dates = events.map((e) => e.date)
    expect(dates).toEqual([...dates].sort())
  })
})
