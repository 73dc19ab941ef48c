import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accessLog, changeHistory, visit } from '../../../src/db/schema/index.ts'
import { today } from '../../../src/services/dates.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'
import { childOfSocialWorker, dateParts, demoWorker, userWith } from './support.ts'

let t: TestApp
let childId: number
let swWorkerId: number
beforeAll(async () => {
  t = await buildTestApp()
  childId = await childOfSocialWorker(t)
  swWorkerId = (await demoWorker(t, 'socialworker')).workerId
})
afterAll(() => t.close())

const visitForm = (overrides: Record<string, string> = {}) => ({
  ...dateParts('visitedOn', '2026-11-02'),
  visitedBy: String(swWorkerId),
  kind: 'cin',
  childSeen: 'yes',
  childSeenAlone: 'yes',
  bedroomSeen: 'yes',
  wishesAndFeelings: 'Amara said she likes her new school and wants her dad to come to sports day.',
  directWorkTool: 'three-houses',
  observations: 'The home was warm and tidy. Amara showed me her room and her drawings.',
  analysis: 'Amara appears settled; her worries are about contact with her father.',
  ...overrides,
})

const visitCount = async () =>
  (await t.database.db.select().from(visit).where(eq(visit.personId, childId))).length

describe('visits', () => {
  it('records a visit with the child seen alone, its change history and access log', async () => {
    const sw = await t.signedIn('socialworker')
    const form = await sw.get(`/children/${childId}/visits/new`)
    expect(form.statusCode).toBe(200)
    expect(form.body).toContain('Was the child seen alone?')
    const saved = await sw.post(`/children/${childId}/visits/new`, visitForm())
    expect(saved.statusCode).toBe(303)
    const id = Number(saved.headers.location!.split('/').pop())
    const [row] = await t.database.db.select().from(visit).where(eq(visit.id, id))
    expect(row).toMatchObject({
      personId: childId,
      visitedOn: '2026-11-02',
      visitedBy: swWorkerId,
      kind: 'cin',
      childSeen: true,
      childSeenAlone: true,
      bedroomSeen: true,
      directWorkTool: 'three-houses',
    })
    const history = await t.database.db
      .select()
      .from(changeHistory)
      .where(and(eq(changeHistory.entityType, 'visit'), eq(changeHistory.entityId, String(id))))
    expect(history.map((h) => h.field)).toContain('childSeenAlone')
    const log = await t.database.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.subjectType, 'visit'), eq(accessLog.subjectId, String(id))))
    expect(log[0]?.action).toBe('create')

    const page = await sw.get(`/children/${childId}/visits/${id}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Three houses')
    expect(page.body).toContain('wants her dad to come to sports day')
    const list = await sw.get(`/children/${childId}/visits`)
    expect(list.body).toContain('Seen alone')
    // The child's summary derives the last time seen alone from the visit.
    expect((await sw.get(`/children/${childId}`)).body).toContain('2 November 2026')
  })

  it('takes another direct-work tool in words, and a visit where the child was not seen', async () => {
    const sw = await t.signedIn('socialworker')
    const other = await sw.post(
      `/children/${childId}/visits/new`,
      visitForm({ directWorkTool: 'other', directWorkToolOther: 'Bear cards' }),
    )
    expect(other.statusCode).toBe(303)
    const notSeen = await sw.post(
      `/children/${childId}/visits/new`,
      visitForm({ childSeen: 'no', childSeenAlone: '', bedroomSeen: 'no', wishesAndFeelings: '' }),
    )
    expect(notSeen.statusCode).toBe(303)
    const rows = await t.database.db.select().from(visit).where(eq(visit.personId, childId))
    expect(rows.some((r) => r.directWorkTool === 'Bear cards')).toBe(true)
    expect(rows.some((r) => !r.childSeen && !r.childSeenAlone)).toBe(true)
  })

  it('refuses a visit in the future, seen alone but not seen, and missing answers; nothing is saved', async () => {
    const sw = await t.signedIn('socialworker')
    const before = await visitCount()
    const future = await sw.post(
      `/children/${childId}/visits/new`,
      visitForm(dateParts('visitedOn', '2099-01-01')),
    )
    expect(future.statusCode).toBe(400)
    expect(future.body).toContain('The date of the visit must be today or in the past')

    const contradiction = await sw.post(
      `/children/${childId}/visits/new`,
      visitForm({ childSeen: 'no', childSeenAlone: 'yes' }),
    )
    expect(contradiction.statusCode).toBe(400)
    expect(contradiction.body).toContain('The child cannot have been seen alone if they were not seen')

    const empty = await sw.post(`/children/${childId}/visits/new`, {
      'visitedOn-day': '31',
      'visitedOn-month': '2',
      'visitedOn-year': '2026',
    })
    expect(empty.statusCode).toBe(400)
    for (const message of [
      'The date of the visit must be a real date',
      'Choose who visited',
      'Choose what kind of visit this was',
      'Say whether the child was seen',
      'Record what you saw and heard on the visit',
      'Record your analysis',
    ])
      expect(empty.body).toContain(message)
    // What was typed is kept.
    expect(contradiction.body).toContain('wants her dad to come to sports day')
    expect(await visitCount()).toBe(before)
  })

  it('answers the same through the API, with problem documents for bad input', async () => {
    const sw = await t.signedIn('socialworker')
    const body = {
      visitedOn: '2026-11-10',
      visitedBy: swWorkerId,
      kind: 'cp',
      childSeen: true,
      childSeenAlone: false,
      bedroomSeen: true,
      wishesAndFeelings: 'Quiet today; said she was tired.',
      observations: 'Mother present throughout.',
      analysis: 'No new concerns; check in with school.',
    }
    const created = await sw.api('POST', `/api/v1/children/${childId}/visits`, body)
    expect(created.statusCode).toBe(201)
    const one = await sw.api('GET', `/api/v1/children/${childId}/visits/${created.json().id}`)
    expect(one.json()).toMatchObject({ kind: 'cp', childSeen: true, childSeenAlone: false })
    const list = await sw.api('GET', `/api/v1/children/${childId}/visits`)
    expect(list.json().length).toBeGreaterThanOrEqual(4)

    const before = await visitCount()
    const bad = await sw.api('POST', `/api/v1/children/${childId}/visits`, {
      ...body,
      visitedOn: '2099-12-31',
      childSeen: false,
      childSeenAlone: true,
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.headers['content-type']).toContain('application/problem+json')
    const pointers = bad.json().errors.map((e: { pointer: string }) => e.pointer)
    expect(pointers).toEqual(expect.arrayContaining(['/visitedOn', '/childSeenAlone']))
    expect(await visitCount()).toBe(before)
    expect(today() >= '2026-11-10').toBe(true)
  })

  it("keeps the child's record from a social worker outside the child's team", async () => {
    const sw = await demoWorker(t, 'socialworker')
    const outsider = await userWith(t, 'social-worker', { notTeamId: sw.teamId })
    const client = await t.signedIn(outsider.username)
    expect((await client.get(`/children/${childId}/visits`)).statusCode).toBe(404)
    expect((await client.post(`/children/${childId}/visits/new`, visitForm())).statusCode).toBe(404)
    expect((await client.api('GET', `/api/v1/children/${childId}/visits`)).statusCode).toBe(404)
    // An analyst may read the record but not write to it.
    const analyst = await t.signedIn('analyst')
    expect((await analyst.get(`/children/${childId}/visits`)).statusCode).toBe(200)
    expect((await analyst.post(`/children/${childId}/visits/new`, visitForm())).statusCode).toBe(403)
  })
})
