import Fastify from 'fastify'
import fp from 'fastify-plugin'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_USERS } from '../../../seed/demo-users.ts'
import { PERMISSIONS, ROLES, type Role } from '../../../src/auth/roles.ts'
import authorisation from '../../../src/plugins/authorisation.ts'
import { buildTestApp, type TestApp, type TestClient } from '../../support/app.ts'

let t: TestApp
const clients = new Map<Role, TestClient>()

beforeAll(async () => {
  t = await buildTestApp()
  for (const demo of DEMO_USERS) clients.set(demo.role, await t.signedIn(demo.username))
})
afterAll(() => t.close())

const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, '1')

describe('every route is authorised where it is registered', () => {
  it('knows every route and each declares a permission or is public', () => {
    expect(t.app.routeAccess.length).toBeGreaterThan(10)
    for (const route of t.app.routeAccess) {
      expect(
        Boolean(route.access.permission) || route.access.public === true,
        `${route.method} ${route.url}`,
      ).toBe(true)
    }
  })

  it('refuses to start when a route forgets to declare its access', async () => {
    const app = Fastify()
    await app.register(
      fp(
        async (a) => {
          a.decorateRequest('user', null)
        },
        { name: 'hearth-session' },
      ),
    )
    await app.register(authorisation)
    expect(() => app.get('/forgotten', async () => 'oops')).toThrow(
      /declares neither config.permission nor config.public/,
    )
    app.get('/declared', { config: { public: true } }, async () => 'fine')
    await app.ready()
    await app.close()
  })

  it('refuses every protected route to every role the matrix does not name', async () => {
    const checked: string[] = []
    for (const route of t.app.routeAccess) {
      const permission = route.access.permission
      if (!permission) continue
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
        checked.push(`${role} ${route.method} ${route.url}`)
      }
    }
    expect(checked.length).toBeGreaterThan(20)
  })

  it('sends anyone not signed in to the sign-in page, and the API answers 401', async () => {
    const anonymous = t.client()
    for (const route of t.app.routeAccess.filter((r) => r.access.permission && r.method === 'GET')) {
      const response = await anonymous.get(concrete(route.url))
      if (route.url.startsWith('/api/')) {
        expect(response.statusCode, route.url).toBe(401)
        expect(response.headers['content-type']).toContain('application/problem+json')
      } else {
        expect(response.statusCode, route.url).toBe(303)
        expect(response.headers.location).toMatch(/^\/sign-in\?returnTo=/)
      }
    }
  })

  it('lets a permitted role in', async () => {
    expect((await clients.get('administrator')!.get('/admin/access-log')).statusCode).toBe(200)
    expect((await clients.get('auditor')!.get('/admin/access-log')).statusCode).toBe(200)
    expect((await clients.get('social-worker')!.get('/organisation')).statusCode).toBe(200)
  })

  it('writes refusals to the access log', async () => {
    await clients.get('social-worker')!.get('/admin/users')
    const log = await clients
      .get('administrator')!
      .api('GET', '/api/v1/access-log?action=denied&username=socialworker')
    expect(log.statusCode).toBe(200)
    expect(log.json().entries.some((e: { subjectId: string }) => e.subjectId === 'GET /admin/users')).toBe(
      true,
    )
  })
})
