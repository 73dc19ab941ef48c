import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_USERS } from '../../../seed/demo-users.ts'
import { PERMISSIONS, ROLES, type Role } from '../../../src/auth/roles.ts'
import { buildTestApp, type TestApp, type TestClient } from '../../support/app.ts'
import { childOfSocialWorker } from './support.ts'

let t: TestApp
let childId: number
const clients = new Map<Role, TestClient>()
beforeAll(async () => {
  t = await buildTestApp()
  childId = await childOfSocialWorker(t)
  for (const demo of DEMO_USERS) clients.set(demo.role, await t.signedIn(demo.username))
})
afterAll(() => t.close())

const PRACTICE =
  /\/(visits|notes|documents|chronology|significant-events|oversight|allocation|allocations|closure)(\/|$)|^(\/api\/v1)?\/teams/

const concrete = (url: string) => url.replace(':personId', String(childId)).replace(/:[A-Za-z]+/g, '1')

describe('practice routes and roles', () => {
  it('refuses every practice route to each role the permission matrix leaves out, and sends strangers to sign in', async () => {
    const routes = t.app.routeAccess.filter((r) => PRACTICE.test(r.url))
    expect(routes.length).toBeGreaterThan(35)
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
