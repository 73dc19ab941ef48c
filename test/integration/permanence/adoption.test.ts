import { eq, inArray, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adoptionCase, familyFindingActivity, periodOfCare, person } from '../../../src/db/schema/index.ts'
import { adoptionTimeliness } from '../../../src/services/adoption.ts'
import { buildTestApp, type TestApp, type TestClient } from '../../support/app.ts'
import { childInTeam, dateParts, periodInCare } from './support.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const caseOf = async (childId: number) => {
  const [row] = await t.database.db.select().from(adoptionCase).where(eq(adoptionCase.personId, childId))
  return row!
}

async function step(client: TestClient, childId: number, name: string, form: Record<string, string>) {
  const c = await caseOf(childId)
  return client.post(`/children/${childId}/adoption/${c.id}/steps/${name}`, {
    version: String(c.version),
    ...form,
  })
}

const match = (on: string, over: Record<string, string> = {}) => ({
  ...dateParts('matchedOn', on),
  numberOfAdopters: '2',
  sexOfAdopters: 'MF',
  legalStatusOfAdopters: 'L11',
  byFosterCarers: 'no',
  ...over,
})

describe('adoption', () => {
  it('goes from the agency decision to the adoption order, capturing every SSDA903 item, with family finding and the scorecard intervals', async () => {
    const childId = await childInTeam(t, { dateOfBirth: '2023-09-14' })
    await periodInCare(t, childId, '2025-01-06')
    const sw = await t.signedIn('socialworker')
    expect((await sw.get(`/children/${childId}/adoption`)).body).toContain('Adoption is not the plan')
    const started = await sw.post(
      `/children/${childId}/adoption/new`,
      dateParts('shouldBePlacedOn', '2025-06-02'),
    )
    expect(started.statusCode, started.body).toBe(303)
    expect(
      (await step(sw, childId, 'placement-order', dateParts('placementOrderOn', '2025-08-01'))).statusCode,
    ).toBe(303)
    const c = await caseOf(childId)
    expect(
      (
        await sw.post(`/children/${childId}/adoption/${c.id}/family-finding/new`, {
          ...dateParts('occurredOn', '2025-08-20'),
          activity: 'national-register',
          notes: 'Profile live on Link Maker',
        })
      ).statusCode,
    ).toBe(303)
    expect(
      (
        await step(sw, childId, 'matching-panel', {
          ...dateParts('matchingPanelOn', '2025-11-10'),
          matchingRecommendation: 'The panel recommends the match with Mr and Mrs A.',
        })
      ).statusCode,
    ).toBe(303)
    expect((await step(sw, childId, 'match', match('2025-11-20'))).statusCode).toBe(303)
    expect((await step(sw, childId, 'placed', dateParts('placedOn', '2025-12-15'))).statusCode).toBe(303)
    const page = await sw.get(`/children/${childId}/adoption`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Profile live on Link Maker')
    // A1: 6 January 2025 to 15 December 2025 = 343 days; A2: 1 August to 20 November 2025 = 111 days.
    expect(page.body).toContain('343 days')
    expect(page.body).toContain('111 days')
    expect(page.body).toContain('AD1 SEX_ADOPTR')
    const api = await sw.api('GET', `/api/v1/children/${childId}/adoption`)
    expect(api.json().cases[0].ssda903).toEqual({
      AD1: {
        DATE_INT: '2025-06-02',
        DATE_MATCH: '2025-11-20',
        FOSTER_CARE: '0',
        NB_ADOPTR: '2',
        SEX_ADOPTR: 'MF',
        LS_ADOPTR: 'L11',
      },
      PlacedAdoption: { DATE_PLACED: '2025-06-02', DATE_PLACED_CEASED: null, REASON_PLACED_CEASED: null },
    })
    expect(api.json().timeliness).toMatchObject({
      a1Days: 343,
      a1Complete: true,
      a1Exceeded: false,
      a2Days: 111,
      a2Exceeded: false,
    })

    const ordered = await step(sw, childId, 'order', dateParts('adoptionOrderOn', '2026-06-01'))
    expect(ordered.statusCode).toBe(303)
    // Sealed at the order: the social worker can no longer open the record, and is told so.
    expect(ordered.headers.location).toBe('/adoption/sealed')
    expect((await sw.get('/adoption/sealed')).body).toContain('The adoption record is sealed')
    const [row] = await t.database.db.select().from(person).where(eq(person.id, childId))
    expect(row!.accessRestriction).toBe('sealed')
    expect((await caseOf(childId)).sealedOn).toBe('2026-06-01')
  })

  it('refuses a match before the decision, an adoption order without a placement order, dates out of order and unknown codes — changing nothing', async () => {
    const childId = await childInTeam(t, { dateOfBirth: '2022-01-01' })
    await periodInCare(t, childId, '2025-01-06')
    const sw = await t.signedIn('socialworker')
    const notInCare = await sw.post(
      `/children/${childId}/adoption/new`,
      dateParts('shouldBePlacedOn', '2024-12-01'),
    )
    expect(notInCare.statusCode).toBe(400)
    expect(notInCare.body).toContain('was not looked after on 1 December 2024')
    expect(await t.database.db.select().from(adoptionCase).where(eq(adoptionCase.personId, childId))).toEqual(
      [],
    )
    expect(
      (await sw.post(`/children/${childId}/adoption/new`, dateParts('shouldBePlacedOn', '2025-06-02')))
        .statusCode,
    ).toBe(303)
    const second = await sw.post(
      `/children/${childId}/adoption/new`,
      dateParts('shouldBePlacedOn', '2025-07-02'),
    )
    expect(second.body).toContain('There is already a decision')

    const earlyOrder = await step(sw, childId, 'placement-order', dateParts('placementOrderOn', '2025-05-01'))
    expect(earlyOrder.statusCode).toBe(400)
    expect(earlyOrder.body).toContain('The placement order cannot be before the agency decision maker')
    const earlyPanel = await step(sw, childId, 'matching-panel', {
      ...dateParts('matchingPanelOn', '2025-05-01'),
      matchingRecommendation: '',
    })
    expect(earlyPanel.body).toContain('The matching panel cannot be before')
    expect(earlyPanel.body).toContain('Record the panel&#39;s recommendation')
    const earlyMatch = await step(sw, childId, 'match', match('2025-05-20'))
    expect(earlyMatch.statusCode).toBe(400)
    expect(earlyMatch.body).toContain('A match cannot be made before the agency decision maker')
    const noPanel = await step(sw, childId, 'match', match('2025-09-20'))
    expect(noPanel.body).toContain('Record the matching panel before the match')
    const panel = await step(sw, childId, 'matching-panel', {
      ...dateParts('matchingPanelOn', '2025-09-10'),
      matchingRecommendation: 'Match',
    })
    expect(panel.statusCode).toBe(303)
    const badCodes = await step(
      sw,
      childId,
      'match',
      match('2025-09-20', { sexOfAdopters: 'XX', legalStatusOfAdopters: 'L9', byFosterCarers: '' }),
    )
    expect(badCodes.statusCode).toBe(400)
    expect(badCodes.body).toContain('Choose the sex of the adopters from the list')
    expect(badCodes.body).toContain('Choose the legal status of the adopters from the list')
    expect(badCodes.body).toContain('Say whether the adopters are the child')
    const mismatch = await step(
      sw,
      childId,
      'match',
      match('2025-09-20', { numberOfAdopters: '2', sexOfAdopters: 'F1', legalStatusOfAdopters: 'L0' }),
    )
    expect(mismatch.body).toContain('Two adopters are a couple')
    const single = await step(
      sw,
      childId,
      'match',
      match('2025-09-20', { numberOfAdopters: '1', sexOfAdopters: 'F1', legalStatusOfAdopters: 'L12' }),
    )
    expect(single.body).toContain('A same gender married couple is a male couple or a female couple')
    const beforeMatch = await step(sw, childId, 'placed', dateParts('placedOn', '2025-10-01'))
    expect(beforeMatch.body).toContain('Record the match before the child moves in')
    const before = await caseOf(childId)
    expect(before).toMatchObject({ matchedOn: null, placedOn: null, placementOrderOn: null, version: 2 })

    // Placed with the parents' consent, matched, moved in — but no placement order: no adoption order.
    expect(
      (
        await step(
          sw,
          childId,
          'match',
          match('2025-09-20', { numberOfAdopters: '1', sexOfAdopters: 'F1', legalStatusOfAdopters: 'L0' }),
        )
      ).statusCode,
    ).toBe(303)
    const placedEarly = await step(sw, childId, 'placed', dateParts('placedOn', '2025-09-19'))
    expect(placedEarly.body).toContain('The child cannot move in before the match (20 September 2025)')
    expect((await step(sw, childId, 'placed', dateParts('placedOn', '2025-10-01'))).statusCode).toBe(303)
    const beforeOrder = await caseOf(childId)
    const noPlacementOrder = await step(sw, childId, 'order', dateParts('adoptionOrderOn', '2026-04-01'))
    expect(noPlacementOrder.statusCode).toBe(400)
    expect(noPlacementOrder.body).toContain('An adoption order needs a placement order')
    expect(await caseOf(childId)).toEqual(beforeOrder)
    expect(
      (await step(sw, childId, 'placement-order', dateParts('placementOrderOn', '2025-08-01'))).statusCode,
    ).toBe(303)
    const orderBeforeMove = await step(sw, childId, 'order', dateParts('adoptionOrderOn', '2025-09-30'))
    expect(orderBeforeMove.body).toContain('The adoption order cannot be before the child moved in')
    const [row] = await t.database.db.select().from(person).where(eq(person.id, childId))
    expect(row!.accessRestriction).toBe('none')

    // Someone saved since the form was opened.
    const c = await caseOf(childId)
    const stale = await sw.post(`/children/${childId}/adoption/${c.id}/steps/order`, {
      version: String(c.version - 1),
      ...dateParts('adoptionOrderOn', '2026-04-01'),
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.body).toContain('Someone else changed the adoption record')

    // The decision is reversed: needs a reason from the list; then nothing more on that case.
    const noReason = await step(sw, childId, 'ceased', {
      ...dateParts('decisionCeasedOn', '2026-01-10'),
      decisionCeasedReason: 'RD9',
    })
    expect(noReason.body).toContain('Choose why the child should no longer be placed for adoption')
    expect(
      (
        await step(sw, childId, 'ceased', {
          ...dateParts('decisionCeasedOn', '2026-01-10'),
          decisionCeasedReason: 'RD1',
        })
      ).statusCode,
    ).toBe(303)
    const after = await step(sw, childId, 'order', dateParts('adoptionOrderOn', '2026-04-01'))
    expect(after.body).toContain('If adoption is the plan again, record a new decision')
    const api = await sw.api('GET', `/api/v1/children/${childId}/adoption`)
    expect(api.json().cases[0].ssda903.PlacedAdoption).toEqual({
      DATE_PLACED: '2025-06-02',
      DATE_PLACED_CEASED: '2026-01-10',
      REASON_PLACED_CEASED: 'RD1',
    })
    // A new decision cannot be dated before the last one ended.
    const tooEarly = await sw.post(
      `/children/${childId}/adoption/new`,
      dateParts('shouldBePlacedOn', '2026-01-09'),
    )
    expect(tooEarly.body).toContain('A new decision cannot be before the last one ended')
  })

  it('does the same through the API, answering problems', async () => {
    const childId = await childInTeam(t)
    await periodInCare(t, childId, '2025-01-06')
    const sw = await t.signedIn('socialworker')
    const created = await sw.api('POST', `/api/v1/children/${childId}/adoption`, {
      shouldBePlacedOn: '2025-03-03',
    })
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json().id
    const order = await sw.api('POST', `/api/v1/children/${childId}/adoption/${id}/steps/order`, {
      version: 1,
      adoptionOrderOn: '2025-12-01',
    })
    expect(order.statusCode).toBe(400)
    expect(order.headers['content-type']).toContain('application/problem+json')
    expect(JSON.stringify(order.json())).toContain('An adoption order needs a placement order')
    const unknownStep = await sw.api('POST', `/api/v1/children/${childId}/adoption/${id}/steps/teleport`, {
      version: 1,
    })
    expect(unknownStep.statusCode).toBe(400)
    const po = await sw.api('POST', `/api/v1/children/${childId}/adoption/${id}/steps/placement-order`, {
      version: 1,
      placementOrderOn: '2025-05-01',
    })
    expect(po.json()).toEqual({ version: 2 })
    const ff = await sw.api('POST', `/api/v1/children/${childId}/adoption/${id}/family-finding`, {
      occurredOn: '2025-05-10',
      activity: 'activity-day',
    })
    expect(ff.statusCode).toBe(201)
    expect(
      await t.database.db
        .select()
        .from(familyFindingActivity)
        .where(eq(familyFindingActivity.adoptionCaseId, id)),
    ).toHaveLength(1)
    const sealBySocialWorker = await sw.api('POST', `/api/v1/children/${childId}/adoption/${id}/seal`, {
      version: 2,
    })
    expect(sealBySocialWorker.statusCode).toBe(403)
  })
})

describe('adoption timeliness', () => {
  it('computes A1 and A2 for every child, flags those over the thresholds, and lists those waiting longest first', async () => {
    const db = t.database.db
    const make = async (
      entered: string,
      c: Partial<typeof adoptionCase.$inferInsert> & { shouldBePlacedOn: string },
    ) => {
      const id = await childInTeam(t)
      await periodInCare(t, id, entered)
      await db.insert(adoptionCase).values({ personId: id, ...c })
      return id
    }
    const slow = await make('2024-01-01', {
      shouldBePlacedOn: '2024-04-01',
      placementOrderOn: '2024-06-01',
      matchedOn: '2024-12-01',
      placedOn: '2025-03-15',
    })
    const waiting = await make('2025-01-06', {
      shouldBePlacedOn: '2025-05-01',
      placementOrderOn: '2025-08-01',
    })
    const waitingLonger = await make('2025-01-06', {
      shouldBePlacedOn: '2025-04-01',
      placementOrderOn: '2025-06-01',
    })
    const reversed = await make('2025-01-06', {
      shouldBePlacedOn: '2025-03-01',
      placementOrderOn: '2025-05-01',
      decisionCeasedOn: '2025-09-01',
      decisionCeasedReason: 'RD3',
    })
    const rows = await adoptionTimeliness(db, {
      personIds: [slow, waiting, waitingLonger, reversed],
      asAt: '2026-01-01',
    })
    const by = new Map(rows.map((r) => [r.personId, r]))
    // 1 January 2024 to 15 March 2025 is 439 days (2024 a leap year); 1 June to 1 December 2024 is 183.
    expect(by.get(slow)).toMatchObject({
      a1Days: 439,
      a1Complete: true,
      a1Exceeded: true,
      a2Days: 183,
      a2Complete: true,
      a2Exceeded: true,
    })
    // Still waiting on 1 January 2026: 360 days since entering care; 153 since the placement order.
    expect(by.get(waiting)).toMatchObject({
      a1Days: 360,
      a1Complete: false,
      a1Exceeded: false,
      a2Days: 153,
      a2Complete: false,
      a2Exceeded: true,
    })
    expect(by.get(reversed)).toMatchObject({
      a1Days: null,
      a2Days: null,
      a1Exceeded: false,
      a2Exceeded: false,
    })

    const waitingRows = await adoptionTimeliness(db, {
      personIds: [slow, waiting, waitingLonger, reversed],
      asAt: '2026-01-01',
      waitingForMatch: true,
    })
    expect(waitingRows.map((r) => r.personId)).toEqual([waitingLonger, waiting])

    // The managers' page: the team manager sees the children of their team, longest wait first.
    const tm = await t.signedIn('teammanager')
    const page = await tm.get('/adoption/timeliness')
    expect(page.statusCode).toBe(200)
    const body = page.body
    expect(body.indexOf(`/children/${waitingLonger}/adoption`)).toBeGreaterThan(-1)
    expect(body.indexOf(`/children/${waitingLonger}/adoption`)).toBeLessThan(
      body.indexOf(`/children/${waiting}/adoption`),
    )
    const api = await tm.api('GET', '/api/v1/adoption/timeliness?waitingForMatch=true&asAt=2026-01-01')
    expect(api.statusCode).toBe(200)
    const ids = (api.json() as { personId: number }[]).map((r) => r.personId)
    expect(ids.indexOf(waitingLonger)).toBeLessThan(ids.indexOf(waiting))
    expect(ids).not.toContain(slow)
    // Social workers are not managers.
    const sw = await t.signedIn('socialworker')
    expect((await sw.get('/adoption/timeliness')).statusCode).toBe(403)
  })

  it('computes every child of the authority in one query (its speed: bench/looked-after.bench.ts)', async () => {
    const db = t.database.db
    const n = 400
    const people = await db
      .insert(person)
      .values(
        Array.from({ length: n }, (_, i) => ({
          givenName: `Bulk${i}`,
          familyName: 'Adoption',
          dateOfBirth: '2020-01-01',
        })),
      )
      .returning({ id: person.id })
    const ids = people.map((p) => p.id)
    await db
      .insert(periodOfCare)
      .values(ids.map((personId) => ({ personId, startDate: '2024-02-01', categoryOfNeed: 'N1' })))
    await db.insert(adoptionCase).values(
      ids.map((personId, i) => ({
        personId,
        shouldBePlacedOn: '2024-06-01',
        placementOrderOn: '2024-08-01',
        matchedOn: i % 2 ? '2024-12-01' : null,
        placedOn: i % 2 ? '2025-01-10' : null,
      })),
    )
    await db.execute(sql`analyze`)
    await adoptionTimeliness(db, { asAt: '2026-01-01' }) // warm
    const rows = await adoptionTimeliness(db, { asAt: '2026-01-01' })
    expect(rows.length).toBeGreaterThanOrEqual(n)
    const some = rows.filter((r) => ids.includes(r.personId))
    expect(some.filter((r) => r.a1Complete)).toHaveLength(n / 2)
    await db.delete(adoptionCase).where(inArray(adoptionCase.personId, ids))
  })
})
