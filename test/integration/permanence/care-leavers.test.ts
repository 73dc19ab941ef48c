import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  accessLog,
  allocation,
  careLeaverContact,
  person,
  plan,
  recordAccessGrant,
  team,
  worker,
} from '../../../src/db/schema/index.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'
import { childInTeam, dateParts, periodInCare } from './support.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

/** A young person born 15 June 2008 who was in care from 2023 until their 18th birthday, 15 June 2026. */
async function careLeaver(givenName = 'Jordan') {
  const id = await childInTeam(t, { givenName, familyName: 'Leaver', dateOfBirth: '2008-06-15' })
  await periodInCare(t, id, '2023-01-01', '2026-06-15', { reasonCeased: 'E17' })
  return id
}

async function personalAdviserWorker() {
  const [w] = await t.database.db
    .select({ id: worker.id })
    .from(worker)
    .innerJoin(team, eq(team.id, worker.teamId))
    .where(and(eq(team.kind, 'care-leavers'), eq(worker.caseHolding, true)))
    .limit(1)
  return w!.id
}

const contact = (over: Record<string, string> = {}) => ({
  ...dateParts('contactedOn', '2026-07-01'),
  inTouch: 'YES',
  activity: 'F2',
  accommodation: 'U1',
  healthServicesRating: 'poor',
  healthFeedback: 'I waited four months to see a counsellor.',
  wellbeingServicesRating: 'good',
  wellbeingFeedback: 'My PA always calls back.',
  ...over,
})

describe('leaving care', () => {
  it('works out the status from the care history and shows which OC3 birthdays are due', async () => {
    const id = await careLeaver()
    const sw = await t.signedIn('socialworker')
    const page = await sw.get(`/children/${id}/care-leaver`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Former relevant child')
    expect(page.body).toContain('Children Act 1989 section 23C')
    expect(page.body).toContain('15 June 2026')
    expect(page.body).toContain('Not recorded') // the 18th birthday's window closed on 15 July 2026
    const api = await sw.api('GET', `/api/v1/children/${id}/care-leaver`)
    expect(api.json().status).toMatchObject({
      status: 'former-relevant',
      age: 18,
      lookedAfter: false,
      leftCareOn: '2026-06-15',
    })
    expect(api.json().oc3.map((b: { age: number; state: string }) => [b.age, b.state])).toEqual([
      [17, 'not-required'],
      [18, 'missed'],
      [19, 'upcoming'],
      [20, 'upcoming'],
      [21, 'upcoming'],
    ])
  })

  it('allocates a personal adviser and starts a pathway plan reviewed within 6 months', async () => {
    const id = await careLeaver()
    const sw = await t.signedIn('socialworker')
    const workerId = await personalAdviserWorker()
    const noOne = await sw.post(`/children/${id}/care-leaver/adviser`, dateParts('startedOn', '2026-06-15'))
    expect(noOne.body).toContain('Choose a personal adviser')
    const ok = await sw.post(`/children/${id}/care-leaver/adviser`, {
      workerId: String(workerId),
      ...dateParts('startedOn', '2026-06-15'),
    })
    expect(ok.statusCode, ok.body).toBe(303)
    const [pa] = await t.database.db
      .select()
      .from(allocation)
      .where(and(eq(allocation.personId, id), eq(allocation.kind, 'personal-adviser')))
    expect(pa).toMatchObject({ workerId, endedOn: null })

    const bad = await sw.post(`/children/${id}/care-leaver/pathway-plan/new`, {
      ...dateParts('startDate', '2026-06-20'),
      ...dateParts('nextReviewDue', '2027-01-15'),
      outcomes: '',
      contingency: '',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('choose a date on or before 20 December 2026')
    expect(bad.body).toContain('Write at least one thing the plan is to achieve')
    expect(bad.body).toContain('Say what will happen if the plan does not work out')
    const made = await sw.post(`/children/${id}/care-leaver/pathway-plan/new`, {
      ...dateParts('startDate', '2026-06-20'),
      ...dateParts('nextReviewDue', '2026-12-01'),
      outcomes: 'Jordan keeps his college place\nJordan moves into his own flat with support',
      contingency: 'Stay with his former foster carers under staying put',
    })
    expect(made.statusCode, made.body).toBe(303)
    const [pathway] = await t.database.db
      .select()
      .from(plan)
      .where(and(eq(plan.personId, id), eq(plan.kind, 'pathway')))
    expect(made.headers.location).toBe(`/children/${id}/plans/${pathway!.id}`)
    expect(pathway).toMatchObject({ nextReviewDue: '2026-12-01' })
    const page = await sw.get(`/children/${id}/care-leaver`)
    expect(page.body).toContain('Pathway plan')
    expect(page.body).toContain(`/children/${id}/plans/${pathway!.id}/reviews/new`)
    expect((await sw.get(`/children/${id}/plans/${pathway!.id}`)).statusCode).toBe(200)
  })

  it('refuses a personal adviser or pathway plan for a child who is not a care leaver', async () => {
    const id = await childInTeam(t, { dateOfBirth: '2015-01-01' })
    const sw = await t.signedIn('socialworker')
    const workerId = await personalAdviserWorker()
    const pa = await sw.post(`/children/${id}/care-leaver/adviser`, {
      workerId: String(workerId),
      ...dateParts('startedOn', '2026-06-15'),
    })
    expect(pa.statusCode).toBe(400)
    expect(pa.body).toContain('A personal adviser supports care leavers')
    const api = await sw.api('POST', `/api/v1/children/${id}/care-leaver/pathway-plans`, {
      startDate: '2026-06-20',
      nextReviewDue: '2026-12-01',
      outcomes: ['x'],
      contingency: 'y',
    })
    expect(api.statusCode).toBe(400)
    expect(await t.database.db.select().from(plan).where(eq(plan.personId, id))).toEqual([])
  })

  it('records keeping in touch with the OC3 codes checked as the DfE checks them, and the young person’s feedback', async () => {
    const id = await careLeaver()
    const sw = await t.signedIn('socialworker')
    const cases: [Record<string, string>, string][] = [
      [{ activity: '', accommodation: '' }, 'Choose what the young person is doing'],
      [
        {
          inTouch: 'DIED',
          healthServicesRating: '',
          healthFeedback: '',
          wellbeingServicesRating: '',
          wellbeingFeedback: '',
        },
        'they have died',
      ],
      [{ inTouch: 'MAYBE' }, 'Choose whether you are in touch with the young person'],
      [{ accommodation: 'Q7' }, 'Choose where the young person lives from the list'],
      [
        { inTouch: 'NO', activity: '', accommodation: '' },
        'Feedback can only be recorded from a young person you are in touch with',
      ],
      [
        { healthServicesRating: 'marvellous' },
        'Choose how the young person rates the services from the list',
      ],
      [dateParts('contactedOn', '2022-01-01'), 'was not a care leaver on 1 January 2022'],
    ]
    for (const [over, message] of cases) {
      const response = await sw.post(`/children/${id}/care-leaver/contacts/new`, contact(over))
      expect(response.statusCode, message).toBe(400)
      expect(response.body, message).toContain(message)
    }
    expect(
      await t.database.db.select().from(careLeaverContact).where(eq(careLeaverContact.personId, id)),
    ).toEqual([])
    const ok = await sw.post(`/children/${id}/care-leaver/contacts/new`, contact())
    expect(ok.statusCode, ok.body).toBe(303)
    const [row] = await t.database.db
      .select()
      .from(careLeaverContact)
      .where(eq(careLeaverContact.personId, id))
    expect(row).toMatchObject({
      inTouch: 'YES',
      activity: 'F2',
      accommodation: 'U1',
      accommodationSuitable: true,
      healthServicesRating: 'poor',
    })
    const api = await sw.api('GET', `/api/v1/children/${id}/care-leaver`)
    expect(api.json().oc3[1]).toMatchObject({ age: 18, state: 'recorded' })
    const viaApi = await sw.api('POST', `/api/v1/children/${id}/care-leaver/contacts`, {
      contactedOn: '2026-08-01',
      inTouch: 'YES',
      activity: '0',
      accommodation: 'S2',
    })
    expect(viaApi.statusCode).toBe(400)
    expect(JSON.stringify(viaApi.json())).toContain('Choose what the young person is doing')
    const logged = await t.database.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.personId, id), eq(accessLog.subjectType, 'care-leaver-contact')))
    expect(logged).toHaveLength(1)
  })

  it('summarises feedback across care leavers for managers — never from records they may not see', async () => {
    const seen = await careLeaver('Feedbackseen')
    const sealed = await careLeaver('Feedbackhidden')
    const sw = await t.signedIn('socialworker')
    expect((await sw.post(`/children/${seen}/care-leaver/contacts/new`, contact())).statusCode).toBe(303)
    expect(
      (
        await sw.post(
          `/children/${sealed}/care-leaver/contacts/new`,
          contact({ healthFeedback: 'Hidden words' }),
        )
      ).statusCode,
    ).toBe(303)
    await t.database.db.update(person).set({ accessRestriction: 'sealed' }).where(eq(person.id, sealed))
    expect(
      await t.database.db.select().from(recordAccessGrant).where(eq(recordAccessGrant.personId, sealed)),
    ).toEqual([])

    const tm = await t.signedIn('teammanager')
    const page = await tm.get('/care-leavers/feedback?from=2026-01-01&to=2026-12-31')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Feedbackseen Leaver')
    expect(page.body).toContain('I waited four months to see a counsellor.')
    expect(page.body).not.toContain('Feedbackhidden')
    expect(page.body).not.toContain('Hidden words')
    const api = await tm.api('GET', '/api/v1/care-leavers/feedback?from=2026-01-01&to=2026-12-31')
    const summary = api.json()
    expect(summary.health.find((r: { rating: string }) => r.rating === 'poor').count).toBeGreaterThanOrEqual(
      1,
    )
    expect(summary.feedback.map((f: { personId: number }) => f.personId)).toContain(seen)
    expect(summary.feedback.map((f: { personId: number }) => f.personId)).not.toContain(sealed)
    const badRange = await tm.get('/care-leavers/feedback?from=2026-12-31&to=2026-01-01')
    expect(badRange.statusCode).toBe(400)
    expect(badRange.body).toContain('The end of the period must be after its start')
    expect((await sw.get('/care-leavers/feedback')).statusCode).toBe(403)
  })
})
