import { and, asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  accessLog,
  allocation,
  changeHistory,
  deprivationOfLiberty,
  legalStatus,
  periodOfCare,
  person,
  placement,
  plan,
  visit,
} from '../../../src/db/schema/index.ts'
import { addWorkingDays } from '../../../src/domain/calendar/working-days.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'
import { userWith } from '../practice/support.ts'
import { childInTeam, dateParts, fosterPlacement, startForm, workerOf } from './support.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const count = async (table: typeof periodOfCare | typeof legalStatus | typeof placement, personId: number) =>
  (await t.database.db.select().from(table).where(eq(table.personId, personId))).length

const periodVersion = async (personId: number) => {
  const [p] = await t.database.db
    .select({ version: periodOfCare.version })
    .from(periodOfCare)
    .where(eq(periodOfCare.personId, personId))
  return String(p!.version)
}

describe('becoming looked after', () => {
  it('starts a period of care with the first legal status and placement, a care plan and the IRO, in one go', async () => {
    const childId = await childInTeam(t)
    const iro = await workerOf(t, 'iro')
    const sw = await t.signedIn('socialworker')
    const form = await sw.get(`/children/${childId}/looked-after/start`)
    expect(form.statusCode).toBe(200)
    expect(form.body).toContain('Start a period of care')
    const response = await sw.post(`/children/${childId}/looked-after/start`, {
      ...startForm('2026-03-02'),
      iroWorkerId: String(iro.workerId),
    })
    expect(response.statusCode, response.body).toBe(303)
    expect(response.headers.location).toBe(`/children/${childId}/looked-after`)
    const db = t.database.db
    const [period] = await db.select().from(periodOfCare).where(eq(periodOfCare.personId, childId))
    expect(period).toMatchObject({
      startDate: '2026-03-02',
      categoryOfNeed: 'N1',
      homePostcode: 'M14 5RB',
      endDate: null,
    })
    const [status] = await db.select().from(legalStatus).where(eq(legalStatus.personId, childId))
    expect(status).toMatchObject({ code: 'V2', startDate: '2026-03-02', periodOfCareId: period!.id })
    const [place] = await db.select().from(placement).where(eq(placement.personId, childId))
    expect(place).toMatchObject({
      placementType: 'U6',
      provider: 'PR1',
      urn: 'SC123456',
      postcode: 'SK4 2BT',
      distanceMiles: 6,
      insideAuthority: true,
      startDate: '2026-03-02',
    })
    const [carePlan] = await db
      .select()
      .from(plan)
      .where(and(eq(plan.personId, childId), eq(plan.kind, 'care')))
    expect(carePlan).toMatchObject({
      startDate: '2026-03-02',
      nextReviewDue: addWorkingDays('2026-03-02', 20),
    })
    const [iroAllocation] = await db
      .select()
      .from(allocation)
      .where(and(eq(allocation.personId, childId), eq(allocation.kind, 'iro')))
    expect(iroAllocation).toMatchObject({ workerId: iro.workerId, startedOn: '2026-03-02', endedOn: null })
    const history = await db
      .select({ entityType: changeHistory.entityType })
      .from(changeHistory)
      .where(eq(changeHistory.personId, childId))
    expect(new Set(history.map((h) => h.entityType))).toEqual(
      new Set(['period-of-care', 'legal-status', 'placement', 'plan', 'allocation']),
    )
    const logged = await db
      .select({ action: accessLog.action, subjectType: accessLog.subjectType })
      .from(accessLog)
      .where(and(eq(accessLog.personId, childId), eq(accessLog.subjectType, 'period-of-care')))
    expect(logged).toEqual([{ action: 'create', subjectType: 'period-of-care' }])

    const page = await sw.get(`/children/${childId}/looked-after`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Looked after since')
    expect(page.body).toContain('V2 – Single period of accommodation under section 20')
    expect(page.body).toContain('SSDA903 episodes')
    expect(page.body).toContain('S – Started to be looked after')
    // The IRO's team now sees the child.
    const iroClient = await t.signedIn('iro')
    expect((await iroClient.get(`/children/${childId}/looked-after`)).statusCode).toBe(200)
  })

  it('refuses unknown codes and impossible placements, with a message for each, and changes nothing', async () => {
    const childId = await childInTeam(t)
    const sw = await t.signedIn('socialworker')
    const response = await sw.post(`/children/${childId}/looked-after/start`, {
      ...startForm('2026-03-02'),
      categoryOfNeed: 'N9',
      legalStatus: 'Z9',
      placementType: 'Q7',
      provider: 'PR9',
      homePostcode: 'not a postcode',
      distanceMiles: 'far',
      insideAuthority: '',
    })
    expect(response.statusCode).toBe(400)
    for (const message of [
      'Choose the category of need',
      'Choose a legal status from the list',
      'Choose the type of placement from the list',
      'Choose who provides the placement',
      'Enter a real postcode for the home the child came from',
      'Enter the distance from home in whole miles',
      'Say whether the placement is inside the authority',
    ])
      expect(response.body).toContain(message)
    const rules = await sw.post(`/children/${childId}/looked-after/start`, {
      ...startForm('2026-03-02'),
      placementType: 'P1',
      provider: 'PR1',
      urn: '',
    })
    expect(rules.statusCode).toBe(400)
    expect(rules.body).toContain('A placement with parents is provided by the parents: choose PR0')
    expect(rules.body).toContain('cannot be accommodated under section 20 (V2)')
    const temporary = await sw.post(`/children/${childId}/looked-after/start`, {
      ...startForm('2026-03-02'),
      placementType: 'T2',
      urn: '',
    })
    expect(temporary.body).toContain('Care cannot start with a temporary placement')
    const noUrn = await sw.post(`/children/${childId}/looked-after/start`, {
      ...startForm('2026-03-02'),
      urn: '',
    })
    expect(noUrn.body).toContain('Enter the Ofsted URN of the provision')
    const future = await sw.post(`/children/${childId}/looked-after/start`, startForm('2099-01-01'))
    expect(future.body).toContain('must be today or in the past')
    expect(await count(periodOfCare, childId)).toBe(0)
    expect(await count(legalStatus, childId)).toBe(0)
    expect(await count(placement, childId)).toBe(0)
  })

  it('refuses a second period of care while one is open, or one starting before the last ended', async () => {
    const childId = await childInTeam(t)
    const sw = await t.signedIn('socialworker')
    expect(
      (await sw.post(`/children/${childId}/looked-after/start`, startForm('2026-02-02'))).statusCode,
    ).toBe(303)
    const again = await sw.post(`/children/${childId}/looked-after/start`, startForm('2026-04-01'))
    expect(again.statusCode).toBe(400)
    expect(again.body).toContain('This child has been looked after since 2 February 2026')
    expect(await count(periodOfCare, childId)).toBe(1)
  })
})

describe('changes of legal status and placement, and the episodes derived from them', () => {
  let childId: number

  beforeAll(async () => {
    childId = await childInTeam(t)
    const sw = await t.signedIn('socialworker')
    const started = await sw.post(`/children/${childId}/looked-after/start`, startForm('2026-03-02'))
    expect(started.statusCode, started.body).toBe(303)
  })

  it('changes s20 to an interim care order, ending the section 20 the day before', async () => {
    const sw = await t.signedIn('socialworker')
    const form = await sw.get(`/children/${childId}/looked-after/legal-status`)
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!
    const response = await sw.post(`/children/${childId}/looked-after/legal-status`, {
      version,
      ...dateParts('startDate', '2026-04-15'),
      code: 'C1',
    })
    expect(response.statusCode, response.body).toBe(303)
    const statuses = await t.database.db
      .select()
      .from(legalStatus)
      .where(eq(legalStatus.personId, childId))
      .orderBy(asc(legalStatus.startDate))
    expect(statuses.map((s) => [s.code, s.startDate, s.endDate])).toEqual([
      ['V2', '2026-03-02', '2026-04-14'],
      ['C1', '2026-04-15', null],
    ])
  })

  it('refuses a legal status before the current one, an unknown code, the same code, and a stale form', async () => {
    const sw = await t.signedIn('socialworker')
    const version = await periodVersion(childId)
    const before = await sw.post(`/children/${childId}/looked-after/legal-status`, {
      version,
      ...dateParts('startDate', '2026-04-15'),
      code: 'C2',
    })
    expect(before.statusCode).toBe(400)
    expect(before.body).toContain(
      'The new legal status must start after the current one began (15 April 2026)',
    )
    const beforeCare = await sw.post(`/children/${childId}/looked-after/legal-status`, {
      version,
      ...dateParts('startDate', '2026-01-15'),
      code: 'C2',
    })
    expect(beforeCare.body).toContain('cannot change before the child became looked after (2 March 2026)')
    const unknown = await sw.post(`/children/${childId}/looked-after/legal-status`, {
      version,
      ...dateParts('startDate', '2026-05-01'),
      code: 'C9',
    })
    expect(unknown.body).toContain('Choose a legal status from the list')
    const same = await sw.post(`/children/${childId}/looked-after/legal-status`, {
      version,
      ...dateParts('startDate', '2026-05-01'),
      code: 'C1',
    })
    expect(same.body).toContain('The child already has this legal status')
    const stale = await sw.post(`/children/${childId}/looked-after/legal-status`, {
      version: String(Number(version) - 1),
      ...dateParts('startDate', '2026-05-01'),
      code: 'C2',
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.body).toContain('Someone else changed this child&#39;s care')
    expect(stale.body).toContain('legalStatus')
    expect(await count(legalStatus, childId)).toBe(2)
  })

  it('refuses overlapping placements, a placement before care began, and a move with no reason', async () => {
    const sw = await t.signedIn('socialworker')
    const version = await periodVersion(childId)
    const overlap = await sw.post(`/children/${childId}/looked-after/placement`, {
      version,
      ...dateParts('startDate', '2026-03-02'),
      reasonForChange: 'CARPL',
      ...fosterPlacement({ placementType: 'K2', provider: 'PR4', urn: 'SC654321', postcode: 'M20 2AB' }),
    })
    expect(overlap.statusCode).toBe(400)
    expect(overlap.body).toContain('placements cannot overlap')
    const beforeCare = await sw.post(`/children/${childId}/looked-after/placement`, {
      version,
      ...dateParts('startDate', '2026-02-01'),
      reasonForChange: 'CARPL',
      ...fosterPlacement({ placementType: 'K2', provider: 'PR4', urn: 'SC654321', postcode: 'M20 2AB' }),
    })
    expect(beforeCare.body).toContain(
      'A placement cannot start before the child became looked after (2 March 2026)',
    )
    const noReason = await sw.post(`/children/${childId}/looked-after/placement`, {
      version,
      ...dateParts('startDate', '2026-06-01'),
      ...fosterPlacement({ placementType: 'K2', provider: 'PR4', urn: 'SC654321', postcode: 'M20 2AB' }),
    })
    expect(noReason.body).toContain('Choose why the placement is changing')
    const unknown = await sw.post(`/children/${childId}/looked-after/placement`, {
      version,
      ...dateParts('startDate', '2026-06-01'),
      reasonForChange: 'CARPL',
      ...fosterPlacement({ placementType: 'ZZ', postcode: 'M20 2AB' }),
    })
    expect(unknown.body).toContain('Choose the type of placement from the list')
    expect(await count(placement, childId)).toBe(1)
  })

  it('records a move, ending the old placement the day before with the reason', async () => {
    const sw = await t.signedIn('socialworker')
    const response = await sw.post(`/children/${childId}/looked-after/placement`, {
      version: await periodVersion(childId),
      ...dateParts('startDate', '2026-06-01'),
      reasonForChange: 'CREQB',
      ...fosterPlacement({
        placementType: 'K2',
        provider: 'PR4',
        providerName: 'Oak House',
        urn: 'SC654321',
        postcode: 'M20 2AB',
      }),
    })
    expect(response.statusCode, response.body).toBe(303)
    const places = await t.database.db
      .select()
      .from(placement)
      .where(eq(placement.personId, childId))
      .orderBy(asc(placement.startDate))
    expect(places.map((p) => [p.placementType, p.startDate, p.endDate, p.reasonForChange])).toEqual([
      ['U6', '2026-03-02', '2026-05-31', 'CREQB'],
      ['K2', '2026-06-01', null, null],
    ])
  })

  it('refuses a move back into the time of an earlier placement, changing nothing', async () => {
    const sw = await t.signedIn('socialworker')
    const version = await periodVersion(childId)
    const back = await sw.post(`/children/${childId}/looked-after/placement`, {
      version,
      ...dateParts('startDate', '2026-05-15'),
      reasonForChange: 'CARPL',
      ...fosterPlacement({ providerName: 'The Ashworths', urn: 'SC111222', postcode: 'M21 9TX' }),
    })
    expect(back.statusCode).toBe(400)
    expect(back.body).toContain(
      'The move must be after the current placement began (1 June 2026): placements cannot overlap',
    )
    const places = await t.database.db
      .select()
      .from(placement)
      .where(eq(placement.personId, childId))
      .orderBy(asc(placement.startDate))
    expect(places.map((p) => [p.placementType, p.startDate, p.endDate])).toEqual([
      ['U6', '2026-03-02', '2026-05-31'],
      ['K2', '2026-06-01', null],
    ])
    expect(await periodVersion(childId)).toBe(version)
  })

  it('derives the 903 episodes: started (s20), legal status change (ICO), placement change', async () => {
    const sw = await t.signedIn('socialworker')
    const episodes = await sw.api('GET', `/api/v1/children/${childId}/looked-after/episodes`)
    expect(episodes.statusCode).toBe(200)
    expect(
      episodes
        .json()
        .map((e: Record<string, unknown>) => [
          e.DECOM,
          e.RNE,
          e.LS,
          e.PLACE,
          e.DEC,
          e.REC,
          e.REASON_PLACE_CHANGE,
        ]),
    ).toEqual([
      ['2026-03-02', 'S', 'V2', 'U6', '2026-04-15', 'X1', null],
      ['2026-04-15', 'L', 'C1', 'U6', '2026-06-01', 'X1', 'CREQB'],
      ['2026-06-01', 'P', 'C1', 'K2', null, null, null],
    ])
    expect(episodes.json()[2]).toMatchObject({
      CIN: 'N1',
      HOME_POST: 'M14 5RB',
      PL_POST: 'M20 2AB',
      URN: 'SC654321',
      PLACE_PROVIDER: 'PR4',
    })
    const page = await sw.get(`/children/${childId}/looked-after`)
    expect(page.body).toContain('L – Change of legal status only')
    expect(page.body).toContain('P – Change of placement and carer(s) only')
  })

  it('corrects a placement’s details with its own version, refusing a stale edit', async () => {
    const sw = await t.signedIn('socialworker')
    const [current] = await t.database.db
      .select()
      .from(placement)
      .where(and(eq(placement.personId, childId), eq(placement.placementType, 'K2')))
    const form = await sw.get(`/children/${childId}/looked-after/placements/${current!.id}/edit`)
    expect(form.statusCode).toBe(200)
    const fields = {
      version: String(current!.version),
      ...fosterPlacement({
        placementType: 'K2',
        provider: 'PR4',
        providerName: 'Oak House',
        urn: 'SC654321',
        postcode: 'M20 2AB',
      }),
      ...dateParts('placementPlanDate', '2026-06-03'),
      confidential: 'yes',
    }
    expect(
      (await sw.post(`/children/${childId}/looked-after/placements/${current!.id}/edit`, fields)).statusCode,
    ).toBe(303)
    const stale = await sw.post(`/children/${childId}/looked-after/placements/${current!.id}/edit`, {
      ...fields,
      distanceMiles: '9',
    })
    expect(stale.statusCode).toBe(409)
    const [after] = await t.database.db.select().from(placement).where(eq(placement.id, current!.id))
    expect(after).toMatchObject({
      placementPlanDate: '2026-06-03',
      confidential: true,
      distanceMiles: 6,
      version: 2,
    })
    // A confidential placement's postcode is not sent in the return.
    const episodes = await sw.api('GET', `/api/v1/children/${childId}/looked-after/episodes`)
    expect(episodes.json()[2].PL_POST).toBeNull()
  })

  it('shows the statutory visiting rule, the last visit and when the next is due', async () => {
    const sw = await workerOf(t, 'socialworker')
    await t.database.db.insert(visit).values({
      personId: childId,
      visitedOn: '2026-06-05',
      visitedBy: sw.workerId,
      kind: 'statutory-looked-after',
      childSeen: true,
      childSeenAlone: true,
      bedroomSeen: true,
    })
    const client = await t.signedIn('socialworker')
    const page = await client.get(`/children/${childId}/looked-after`)
    expect(page.body).toContain('Within 1 week of the placement, then at least every 6 weeks')
    expect(page.body).toContain('5 June 2026: child seen alone')
    expect(page.body).toContain('17 July 2026')
    expect(page.body).toContain('6 weeks after the last visit')
  })

  it('ends the period of care: placement, legal status, care plan and IRO allocation end that day', async () => {
    const client = await t.signedIn('socialworker')
    const version = await periodVersion(childId)
    const bad = await client.post(`/children/${childId}/looked-after/cease`, {
      version,
      ...dateParts('endDate', '2026-05-01'),
      reasonCeased: 'X1',
      destination: '',
      supportPlan: '',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Care cannot end before the current placement began (1 June 2026)')
    expect(bad.body).toContain('Choose why the child stopped being looked after')
    expect(bad.body).toContain('Say where the child went to live')
    const ok = await client.post(`/children/${childId}/looked-after/cease`, {
      version,
      ...dateParts('endDate', '2026-09-30'),
      reasonCeased: 'E4A',
      destination: 'Home to mum at 12 Birch Street',
      supportPlan: 'Child in need plan; family support worker weekly for 3 months',
    })
    expect(ok.statusCode, ok.body).toBe(303)
    const db = t.database.db
    const [period] = await db.select().from(periodOfCare).where(eq(periodOfCare.personId, childId))
    expect(period).toMatchObject({ endDate: '2026-09-30', reasonCeased: 'E4A' })
    const open = [
      ...(await db.select().from(placement).where(eq(placement.personId, childId))),
      ...(await db.select().from(legalStatus).where(eq(legalStatus.personId, childId))),
    ].filter((r) => r.endDate !== '2026-09-30' && r.endDate === null)
    expect(open).toEqual([])
    const [carePlan] = await db
      .select()
      .from(plan)
      .where(and(eq(plan.personId, childId), eq(plan.kind, 'care')))
    expect(carePlan!.endDate).toBe('2026-09-30')
    const episodes = await client.api('GET', `/api/v1/children/${childId}/looked-after/episodes`)
    expect(episodes.json()[2]).toMatchObject({ DEC: '2026-09-30', REC: 'E4A' })
    const page = await client.get(`/children/${childId}/looked-after`)
    expect(page.body).toContain('is not looked after')
    expect(page.body).toContain('E4A – Returned home to live with parents or relatives - part of planning')
  })
})

describe('deprivation of liberty orders (903 DoLo)', () => {
  it('records an order only while looked after, in a placement that allows it, never overlapping; care ending ends it', async () => {
    const childId = await childInTeam(t)
    const sw = await t.signedIn('socialworker')
    const notInCare = await sw.post(
      `/children/${childId}/looked-after/dolo/new`,
      dateParts('startDate', '2026-05-01'),
    )
    expect(notInCare.statusCode).toBe(400)
    expect(notInCare.body).toContain('while they are looked after')
    expect(
      (
        await sw.post(`/children/${childId}/looked-after/start`, {
          ...startForm('2026-04-01'),
          legalStatus: 'C2',
          placementType: 'K2',
          provider: 'PR4',
          urn: 'SC999999',
        })
      ).statusCode,
    ).toBe(303)
    const reversed = await sw.post(`/children/${childId}/looked-after/dolo/new`, {
      ...dateParts('startDate', '2026-05-01'),
      ...dateParts('endDate', '2026-04-20'),
    })
    expect(reversed.body).toContain('The order cannot end before it started')
    const ok = await sw.post(`/children/${childId}/looked-after/dolo/new`, {
      ...dateParts('startDate', '2026-05-01'),
      details: 'High Court, inherent jurisdiction: locked doors and 2:1 supervision',
    })
    expect(ok.statusCode, ok.body).toBe(303)
    const overlap = await sw.post(
      `/children/${childId}/looked-after/dolo/new`,
      dateParts('startDate', '2026-06-01'),
    )
    expect(overlap.body).toContain('The order made on 1 May 2026 is still in force')
    // A move to a placement with parents cannot happen while the order is in force.
    const move = await sw.post(`/children/${childId}/looked-after/placement`, {
      version: await periodVersion(childId),
      ...dateParts('startDate', '2026-07-01'),
      reasonForChange: 'CARPL',
      placementType: 'P1',
      provider: 'PR0',
      postcode: 'M14 5RB',
      insideAuthority: 'yes',
    })
    expect(move.body).toContain('The child is under a deprivation of liberty order')
    const cease = await sw.post(`/children/${childId}/looked-after/cease`, {
      version: await periodVersion(childId),
      ...dateParts('endDate', '2026-08-31'),
      reasonCeased: 'E13',
      destination: 'With her aunt',
      supportPlan: 'Child in need plan',
    })
    expect(cease.statusCode, cease.body).toBe(303)
    const [order] = await t.database.db
      .select()
      .from(deprivationOfLiberty)
      .where(eq(deprivationOfLiberty.personId, childId))
    expect(order).toMatchObject({ startDate: '2026-05-01', endDate: '2026-08-31', version: 2 })
  })
})

describe('UASC and family time', () => {
  it('records when UASC status ended, for a child recorded as UASC only', async () => {
    const childId = await childInTeam(t, { uasc: true })
    const sw = await t.signedIn('socialworker')
    const form = await sw.get(`/children/${childId}/looked-after/uasc`)
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!
    const future = await sw.post(`/children/${childId}/looked-after/uasc`, {
      version,
      ...dateParts('uascCeasedOn', '2099-01-01'),
    })
    expect(future.statusCode).toBe(400)
    const ok = await sw.post(`/children/${childId}/looked-after/uasc`, {
      version,
      ...dateParts('uascCeasedOn', '2026-10-01'),
    })
    expect(ok.statusCode).toBe(303)
    const [row] = await t.database.db.select().from(person).where(eq(person.id, childId))
    expect(row).toMatchObject({ uascCeasedOn: '2026-10-01', version: Number(version) + 1 })
    const notUasc = await childInTeam(t)
    const refused = await sw.post(`/children/${notUasc}/looked-after/uasc`, {
      version: '1',
      ...dateParts('uascCeasedOn', '2026-10-01'),
    })
    expect(refused.body).toContain('is not recorded as an unaccompanied asylum-seeking child')
  })

  it("records contact arrangements only with the child's wishes, and ends them once", async () => {
    const childId = await childInTeam(t)
    const sw = await t.signedIn('socialworker')
    const fields = {
      withDescription: 'Mum',
      frequency: 'Every Saturday for 2 hours',
      supervision: 'supervised',
      childsWishes: '',
      ...dateParts('startedOn', '2026-07-01'),
    }
    const missingWishes = await sw.post(`/children/${childId}/looked-after/contact/new`, fields)
    expect(missingWishes.statusCode).toBe(400)
    expect(missingWishes.body).toContain('Record what the child wants from contact')
    const ok = await sw.post(`/children/${childId}/looked-after/contact/new`, {
      ...fields,
      childsWishes: 'I want to see Mum more, and at the park not the contact centre',
    })
    expect(ok.statusCode).toBe(303)
    const list = await sw.api('GET', `/api/v1/children/${childId}/looked-after/contact-arrangements`)
    const [arrangement] = list.json()
    expect(arrangement).toMatchObject({ withDescription: 'Mum', supervision: 'supervised', endedOn: null })
    const ended = await sw.post(
      `/children/${childId}/looked-after/contact/${arrangement.id}/end`,
      dateParts('endedOn', '2026-09-01'),
    )
    expect(ended.statusCode).toBe(303)
    const again = await sw.post(
      `/children/${childId}/looked-after/contact/${arrangement.id}/end`,
      dateParts('endedOn', '2026-09-02'),
    )
    expect(again.statusCode).toBe(409)
  })
})

describe('who may see and change a child in care', () => {
  it('refuses a worker outside the child’s team, on pages and the API', async () => {
    const childId = await childInTeam(t)
    const sw = await workerOf(t, 'socialworker')
    const outsider = await userWith(t, 'social-worker', { notTeamId: sw.teamId })
    const client = await t.signedIn(outsider.username)
    expect((await client.get(`/children/${childId}/looked-after`)).statusCode).toBe(404)
    expect(
      (await client.post(`/children/${childId}/looked-after/start`, startForm('2026-03-02'))).statusCode,
    ).toBe(404)
    expect((await client.api('GET', `/api/v1/children/${childId}/looked-after/episodes`)).statusCode).toBe(
      404,
    )
    expect(await count(periodOfCare, childId)).toBe(0)
    // An auditor may read but not change.
    const auditor = await t.signedIn('auditor')
    expect((await auditor.get(`/children/${childId}/looked-after`)).statusCode).toBe(200)
    expect((await auditor.get(`/children/${childId}/looked-after/start`)).statusCode).toBe(403)
  })
})
