import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_USERS } from '../../../seed/demo-users.ts'
import { PERMISSIONS, ROLES, type Role } from '../../../src/auth/roles.ts'
import { periodOfCare } from '../../../src/db/schema/index.ts'
import { lookedAfterSummary } from '../../../src/services/looked-after.ts'
import { buildTestApp, type TestApp, type TestClient } from '../../support/app.ts'
import { userWith } from '../practice/support.ts'
import { childInTeam, workerOf } from './support.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const placement = {
  placementType: 'U4',
  provider: 'PR5',
  providerName: 'Sunrise Fostering',
  urn: 'SC777777',
  postcode: 'OL1 1AA',
  insideAuthority: false,
  distanceMiles: 14,
  longTerm: true,
}

describe('looked-after API', () => {
  it('starts care, changes legal status and placement, and answers bad input with problems and changes nothing', async () => {
    const childId = await childInTeam(t)
    const sw = await t.signedIn('socialworker')
    const bad = await sw.api('POST', `/api/v1/children/${childId}/looked-after/periods`, {
      startDate: '2026-04-01',
      categoryOfNeed: 'N1',
      legalStatus: 'XX',
      placement: { ...placement, placementType: 'U9' },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.headers['content-type']).toContain('application/problem+json')
    const details = JSON.stringify(bad.json())
    expect(details).toContain('Choose a legal status from the list')
    expect(details).toContain('Choose the type of placement from the list')
    expect(await t.database.db.select().from(periodOfCare).where(eq(periodOfCare.personId, childId))).toEqual(
      [],
    )

    const started = await sw.api('POST', `/api/v1/children/${childId}/looked-after/periods`, {
      startDate: '2026-04-01',
      categoryOfNeed: 'N4',
      homePostcode: 'M14 5RB',
      legalStatus: 'C1',
      placement,
    })
    expect(started.statusCode, started.body).toBe(201)
    expect(started.json()).toMatchObject({
      periodOfCareId: expect.any(Number),
      carePlanId: expect.any(Number),
    })

    const status = await sw.api('POST', `/api/v1/children/${childId}/looked-after/legal-statuses`, {
      version: 1,
      startDate: '2026-07-01',
      code: 'C2',
    })
    expect(status.statusCode, status.body).toBe(201)
    expect(status.json().version).toBe(2)
    // A move sent with the version from before the legal status changed is refused: someone else moved first.
    const stale = await sw.api('POST', `/api/v1/children/${childId}/looked-after/placements`, {
      ...placement,
      version: 1,
      startDate: '2026-08-01',
      reasonForChange: 'PLACE',
      postcode: 'OL2 2BB',
    })
    expect(stale.statusCode).toBe(409)
    // Same carer, new house (reason PLACE) on the same day as a legal status change would be U; alone it is T.
    const moved = await sw.api('POST', `/api/v1/children/${childId}/looked-after/placements`, {
      ...placement,
      version: 2,
      startDate: '2026-08-01',
      reasonForChange: 'PLACE',
      postcode: 'OL2 2BB',
    })
    expect(moved.statusCode, moved.body).toBe(201)
    const record = await sw.api('GET', `/api/v1/children/${childId}/looked-after`)
    expect(record.statusCode).toBe(200)
    expect(record.json().episodes.map((e: { RNE: string; LS: string }) => `${e.RNE}:${e.LS}`)).toEqual([
      'S:C1',
      'L:C2',
      'T:C2',
    ])
    expect(record.json().summary).toMatchObject({
      lookedAfter: true,
      legalStatus: { code: 'C2' },
      placement: { placementType: 'U4', startDate: '2026-08-01' },
    })

    const summary = await lookedAfterSummary(t.database.db, childId, '2026-08-03')
    expect(summary.nextVisitDue).toMatchObject({
      due: '2026-08-08',
      basis: 'First visit within 1 week of the placement',
    })
    expect(summary.period).toMatchObject({ startDate: '2026-04-01', categoryOfNeed: 'N4' })
  })

  it('refuses an outsider on the API', async () => {
    const childId = await childInTeam(t)
    const sw = await workerOf(t, 'socialworker')
    const outsider = await userWith(t, 'social-worker', { notTeamId: sw.teamId })
    const client = await t.signedIn(outsider.username)
    expect((await client.api('GET', `/api/v1/children/${childId}/looked-after`)).statusCode).toBe(404)
    const post = await client.api('POST', `/api/v1/children/${childId}/looked-after/periods`, {
      startDate: '2026-04-01',
      categoryOfNeed: 'N1',
      legalStatus: 'V2',
      placement,
    })
    expect(post.statusCode).toBe(404)
  })

  it('publishes the operations in the OpenAPI document', async () => {
    const sw = await t.signedIn('socialworker')
    const doc = (await sw.api('GET', '/api/openapi.json')).json()
    for (const path of [
      '/api/v1/children/{personId}/looked-after/periods',
      '/api/v1/children/{personId}/looked-after/episodes',
      '/api/v1/children/{personId}/looked-after/reviews',
      '/api/v1/children/{personId}/looked-after/missing-episodes',
      '/api/v1/looked-after/escalations',
    ])
      expect(Object.keys(doc.paths), path).toContain(path)
  })
})

describe('looked-after routes and roles', () => {
  const clients = new Map<Role, TestClient>()
  let childId: number
  beforeAll(async () => {
    childId = await childInTeam(t)
    for (const demo of DEMO_USERS) clients.set(demo.role, await t.signedIn(demo.username))
  })
  const AREA = /\/(looked-after|health-education|missing)(\/|$)/
  const concrete = (url: string) => url.replace(':personId', String(childId)).replace(/:[A-Za-z]+/g, '1')

  it('refuses every route to each role the permission matrix leaves out, and sends strangers to sign in', async () => {
    const routes = t.app.routeAccess.filter((r) => AREA.test(r.url))
    expect(routes.length).toBeGreaterThan(40)
    for (const route of routes) {
      const permission = route.access.permission!
      expect(permission, route.url).toBeTruthy()
      const allowed: readonly Role[] = PERMISSIONS[permission]
      for (const role of ROLES.filter((r) => !allowed.includes(r))) {
        const client = clients.get(role)!
        const url = concrete(route.url)
        const response =
          route.method === 'GET'
            ? await client.get(url)
            : url.startsWith('/api/')
              ? await client.api(route.method as 'POST', url, {})
              : await client.post(url, {})
        expect(response.statusCode, `${role} → ${route.method} ${route.url}`).toBe(403)
      }
      if (route.method === 'GET') {
        const anonymous = await t.client().get(concrete(route.url))
        expect(anonymous.statusCode, route.url).toBe(route.url.startsWith('/api/') ? 401 : 303)
      }
    }
  })
})

describe('every page renders', () => {
  it('shows each page of a child in care, and each form again with its errors when sent empty', async () => {
    const childId = await childInTeam(t, { uasc: true })
    const sw = await t.signedIn('socialworker')
    const started = await sw.api('POST', `/api/v1/children/${childId}/looked-after/periods`, {
      startDate: '2026-04-01',
      categoryOfNeed: 'N1',
      legalStatus: 'V2',
      placement,
    })
    const { placementId } = started.json()
    const escalation = await sw.api('POST', `/api/v1/children/${childId}/looked-after/escalations`, {
      stage: 'informal',
      raisedOn: '2026-05-01',
      issue: 'No PEP',
      respondent: 'Team manager',
    })
    const contact = await sw.api('POST', `/api/v1/children/${childId}/looked-after/contact-arrangements`, {
      withDescription: 'Dad',
      frequency: 'Monthly',
      supervision: 'supported',
      childsWishes: 'More often',
      startedOn: '2026-05-01',
    })
    const missing = await sw.api('POST', `/api/v1/children/${childId}/looked-after/missing-episodes`, {
      kind: 'M',
      startedAt: '2026-05-03T20:00',
    })
    const order = await sw.api('POST', `/api/v1/children/${childId}/looked-after/deprivations-of-liberty`, {
      startDate: '2026-05-02',
    })
    expect([escalation.statusCode, contact.statusCode, missing.statusCode, order.statusCode]).toEqual([
      201, 201, 201, 201,
    ])
    const idOf: Record<string, number> = {
      placementId,
      escalationId: escalation.json().id,
      arrangementId: contact.json().id,
      episodeId: missing.json().id,
      orderId: order.json().id,
    }
    const pages = t.app.routeAccess.filter((r) =>
      /^\/children\/:personId\/(looked-after|health-education|missing)/.test(r.url),
    )
    const url = (u: string) =>
      u.replace(':personId', String(childId)).replace(/:([A-Za-z]+)/g, (_, n) => String(idOf[n]))
    for (const route of pages.filter((r) => r.method === 'GET')) {
      const response = await sw.get(url(route.url))
      expect(response.statusCode, route.url).toBe(200)
      // Every id once (labels and error links depend on it).
      const ids = [...response.body.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])
      expect(
        ids.filter((id, i) => ids.indexOf(id) !== i),
        route.url,
      ).toEqual([])
    }
    for (const route of pages.filter((r) => r.method === 'POST')) {
      const response = await sw.post(url(route.url), {})
      expect(response.statusCode, `${route.url}: ${response.body.slice(0, 200)}`).toBeOneOf([400, 409])
      expect(response.body, route.url).toContain(
        response.statusCode === 400 ? 'There is a problem' : 'Your changes have not been saved',
      )
    }
    // The authority-wide escalation list is for managers and IROs.
    expect((await sw.get('/looked-after/escalations')).statusCode).toBe(403)
    expect((await (await t.signedIn('teammanager')).get('/looked-after/escalations')).statusCode).toBe(200)
  })
})
