import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { userIdentity } from '../../../src/db/schema/index.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

describe('CSRF protection', () => {
  it('blocks a forged POST with no token and changes nothing', async () => {
    const admin = await t.signedIn('admin')
    await t.database.db.execute(
      sql`update user_identity set locked_until = now() + interval '1 hour' where subject = 'analyst'`,
    )
    const forged = await admin.post('/admin/users/1/unlock', {}, { csrf: null })
    expect(forged.statusCode).toBe(403)
    expect(forged.body).toContain('This form could not be accepted')
    const [analyst] = await t.database.db
      .select()
      .from(userIdentity)
      .where(eq(userIdentity.subject, 'analyst'))
    expect(analyst!.lockedUntil).not.toBeNull()
  })

  it('blocks a token taken from another session', async () => {
    const attacker = await t.signedIn('socialworker')
    const victim = await t.signedIn('admin')
    const response = await victim.post('/sign-out', {}, { csrf: attacker.csrfToken })
    expect(response.statusCode).toBe(403)
    expect((await victim.get('/')).statusCode).toBe(200)
  })

  it('blocks a JSON API call without the header token', async () => {
    const client = await t.signedIn('socialworker')
    const response = await t.app.inject({
      method: 'POST',
      url: '/session/keep-alive',
      headers: { cookie: client.cookieHeader, accept: 'application/json' },
    })
    expect(response.statusCode).toBe(403)
  })
})

describe('headers', () => {
  it('sends strict security headers with a fresh CSP nonce on every page', async () => {
    const client = await t.signedIn('auditor')
    const first = await client.get('/')
    const second = await client.get('/')
    const csp = String(first.headers['content-security-policy'])
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("object-src 'none'")
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1]
    expect(nonce).toBeTruthy()
    expect(first.body).toContain(`nonce="${nonce}"`)
    expect(second.headers['content-security-policy']).not.toBe(csp)
    expect(first.headers['strict-transport-security']).toContain('max-age=31536000')
    expect(first.headers['x-frame-options']).toBe('DENY')
    expect(first.headers['x-content-type-options']).toBe('nosniff')
    expect(first.headers['referrer-policy']).toBe('no-referrer')
    expect(first.headers['cache-control']).toBe('no-store')
  })

  it('gives every response a correlation id, keeping a well-formed one from the caller', async () => {
    const given = await t.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-correlation-id': 'abc-123' },
    })
    expect(given.headers['x-correlation-id']).toBe('abc-123')
    const bad = await t.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-correlation-id': 'no spaces <allowed>' },
    })
    expect(bad.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('serves govuk-frontend assets without a session, and nothing else from the package', async () => {
    expect((await t.app.inject({ url: '/govuk/govuk-frontend.min.css' })).statusCode).toBe(200)
    expect((await t.app.inject({ url: '/govuk/govuk-frontend.min.js' })).statusCode).toBe(200)
    expect((await t.app.inject({ url: '/assets/images/favicon.svg' })).statusCode).toBe(200)
    expect((await t.app.inject({ url: '/govuk/index.scss' })).statusCode).toBe(404)
  })
})

describe('error pages and problems', () => {
  it('shows a GOV.UK 404 page', async () => {
    const client = await t.signedIn('auditor')
    const response = await client.get('/no-such-page')
    expect(response.statusCode).toBe(404)
    expect(response.body).toContain('Page not found')
    expect(response.body).toContain('govuk-template')
  })

  it('shows a GOV.UK 403 page with a reference to quote', async () => {
    const client = await t.signedIn('socialworker')
    const response = await client.get('/admin/users')
    expect(response.statusCode).toBe(403)
    expect(response.body).toContain('You do not have permission to do this')
    expect(response.body).toContain(String(response.headers['x-correlation-id']))
  })

  it('answers the API with RFC 9457 problem documents', async () => {
    const client = await t.signedIn('admin')
    const notFound = await client.api('GET', '/api/v1/teams/99999')
    expect(notFound.statusCode).toBe(404)
    expect(notFound.headers['content-type']).toContain('application/problem+json')
    expect(notFound.json()).toMatchObject({ status: 404, title: 'Team not found' })
    const invalid = await client.api('GET', '/api/v1/access-log?personId=abc&extra=1')
    expect(invalid.statusCode).toBe(400)
    expect(invalid.json().title).toBe('There is a problem with your request')
    expect(invalid.json().detail).toMatch(/querystring/)
  })

  it('checks the database in /health', async () => {
    const response = await t.app.inject({ url: '/health' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ status: 'ok', database: t.database.kind })
  })
})

describe('OpenAPI', () => {
  it('documents every API route with its request and response schemas', async () => {
    const document = (await t.app.inject({ url: '/api/openapi.json' })).json()
    expect(document.openapi).toMatch(/^3\./)
    const apiRoutes = t.app.routeAccess.filter((r) => r.url.startsWith('/api/v1/'))
    expect(apiRoutes.length).toBeGreaterThanOrEqual(4)
    for (const route of apiRoutes) {
      const path = route.url.replace('/api/v1', '').replace(/:([A-Za-z]+)/g, '{$1}')
      const operation = document.paths[`/api/v1${path}`]?.[route.method.toLowerCase()]
      expect(operation, `${route.method} ${route.url}`).toBeDefined()
      expect(
        operation.responses['200'] ?? operation.responses['201'] ?? operation.responses['204'],
        route.url,
      ).toBeDefined()
      expect(operation.responses['403'], route.url).toBeDefined()
    }
    expect(Object.keys(document.paths).every((p: string) => p.startsWith('/api/'))).toBe(true)
  })
})
