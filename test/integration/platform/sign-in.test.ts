import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../../seed/demo-users.ts'
import { clearSessionCache } from '../../../src/auth/sessions.ts'
import { formDraft, session, userAccount } from '../../../src/db/schema/index.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp({ HEARTH_LOCKOUT_ATTEMPTS: '3', HEARTH_SESSION_IDLE_MINUTES: '5' }, (app) => {
    // A form page, as any record form would be.
    app.post('/drafts-demo', { config: { permission: 'home:view' } }, async () => 'saved')
  })
})
afterAll(() => t.close())

describe('signing in', () => {
  it('shows the GOV.UK sign-in page and signs a user in', async () => {
    const client = t.client()
    const page = await client.get('/sign-in')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Sign in to Hearth')
    const response = await client.post('/sign-in', {
      username: 'SocialWorker',
      password: DEMO_PASSWORD,
      returnTo: '/organisation',
    })
    expect(response.statusCode).toBe(303)
    expect(response.headers.location).toBe('/organisation')
    const cookie = (
      response.cookies as { name: string; httpOnly?: boolean; secure?: boolean; sameSite?: string }[]
    ).find((c) => c.name === 'hearth_session')
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax' })
    const home = await client.get('/')
    expect(home.statusCode).toBe(200)
    expect(home.body).toContain('Sign out')
  })

  it('keeps the session server-side: the cookie is not what is stored', async () => {
    const client = await t.signedIn('analyst')
    const token = client.cookies.get('hearth_session')!
    const stored = await t.database.db.select({ idHash: session.idHash }).from(session)
    expect(stored.some((s) => s.idHash === token)).toBe(false)
    expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.idHash))).toBe(true)
  })

  it('explains what is missing and signs nobody in', async () => {
    const client = t.client()
    const response = await client.post('/sign-in', { username: '', password: '' })
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('There is a problem')
    expect(response.body).toContain('Enter your username')
    expect(response.body).toContain('Enter your password')
    expect(client.cookies.has('hearth_session')).toBe(false)
  })

  it('does not reveal whether a username exists', async () => {
    const unknown = await t.client().post('/sign-in', { username: 'nobody', password: 'x' })
    const wrong = await t.client().post('/sign-in', { username: 'auditor', password: 'wrong password' })
    expect(unknown.statusCode).toBe(400)
    expect(wrong.statusCode).toBe(400)
    expect(unknown.body).toContain('Enter a correct username and password')
    expect(wrong.body).toContain('Enter a correct username and password')
  })

  it('locks an account after repeated wrong passwords, even against the right one, until an administrator unlocks it', async () => {
    const client = t.client()
    for (let i = 0; i < 2; i++) {
      expect((await client.post('/sign-in', { username: 'iro', password: `guess ${i}` })).statusCode).toBe(
        400,
      )
    }
    const third = await client.post('/sign-in', { username: 'iro', password: 'guess 3' })
    expect(third.statusCode).toBe(403)
    expect(third.body).toContain('This account is locked')
    const rightPassword = await client.post('/sign-in', { username: 'iro', password: DEMO_PASSWORD })
    expect(rightPassword.statusCode).toBe(403)
    expect(client.cookies.has('hearth_session')).toBe(false)

    const admin = await t.signedIn('admin')
    const users = await admin.get('/admin/users')
    expect(users.body).toContain('Locked')
    const [iro] = await t.database.db
      .select({ id: userAccount.id })
      .from(userAccount)
      .where(eq(userAccount.username, 'iro'))
    expect((await admin.post(`/admin/users/${iro!.id}/unlock`)).statusCode).toBe(303)
    expect((await t.client().post('/sign-in', { username: 'iro', password: DEMO_PASSWORD })).statusCode).toBe(
      303,
    )

    const log = await admin.api('GET', '/api/v1/access-log?action=sign-in&username=iro')
    const outcomes = log.json().entries.map((e: { detail?: unknown }) => e)
    expect(outcomes.length).toBeGreaterThanOrEqual(5)
  })

  it('signs out: the session ends on the server, not just in the browser', async () => {
    const client = await t.signedIn('leader')
    const token = client.cookies.get('hearth_session')!
    const out = await client.post('/sign-out')
    expect(out.statusCode).toBe(200)
    expect(out.body).toContain('You have signed out')
    const replay = await t.app.inject({
      method: 'GET',
      url: '/',
      headers: { cookie: `hearth_session=${token}`, accept: 'text/html' },
    })
    expect(replay.statusCode).toBe(303)
  })

  it('limits sign-in attempts from one address', async () => {
    const limited = await buildTestApp({ HEARTH_SIGN_IN_RATE_PER_MINUTE: '3' })
    try {
      const client = limited.client()
      const statuses = []
      for (let i = 0; i < 4; i++)
        statuses.push((await client.post('/sign-in', { username: 'auditor', password: 'x' })).statusCode)
      expect(statuses).toEqual([400, 400, 400, 429])
    } finally {
      await limited.close()
    }
  })

  it('refuses to redirect outside Hearth after sign-in', async () => {
    const client = t.client()
    const response = await client.post('/sign-in', {
      username: 'auditor',
      password: DEMO_PASSWORD,
      returnTo: '//evil.example/',
    })
    expect(response.headers.location).toBe('/')
  })
})

describe('idle timeout', () => {
  it('ends an idle session and keeps the form that was being written as a draft', async () => {
    const client = await t.signedIn('socialworker')
    const token = client.cookies.get('hearth_session')!
    // Six minutes of silence against a five-minute idle limit.
    await t.database.db.execute(sql`update session set last_seen_at = now() - interval '6 minutes'`)
    clearSessionCache()
    const response = await client.post('/drafts-demo', {
      notes: 'Half-written visit record',
      password: 'never kept',
    })
    expect(response.statusCode).toBe(303)
    expect(response.headers.location).toBe('/sign-in?returnTo=%2Fdrafts-demo&expired=1')
    const drafts = await t.database.db.select().from(formDraft)
    expect(drafts).toHaveLength(1)
    expect(drafts[0]!.path).toBe('/drafts-demo')
    expect(drafts[0]!.fields).toEqual({ notes: 'Half-written visit record' })
    expect(token).toBeTruthy()
    const page = await client.get('/sign-in?returnTo=%2F&expired=1')
    expect(page.body).toContain('You were signed out because you were inactive')
  })

  it('warns before expiry: the page carries the expiry time and a stay-signed-in form that extends it', async () => {
    const client = await t.signedIn('socialworker')
    const home = await client.get('/')
    const expires = /name="hearth-session-expires" content="([^"]+)"/.exec(home.body)?.[1]
    expect(expires).toBeTruthy()
    expect(home.body).toContain('Stay signed in')
    await t.database.db.execute(sql`update session set last_seen_at = now() - interval '4 minutes'`)
    clearSessionCache()
    const kept = await client.api('POST', '/session/keep-alive')
    expect(kept.statusCode).toBe(200)
    expect(new Date(kept.json().idleExpiresAt).getTime()).toBeGreaterThan(Date.now() + 4 * 60_000)
  })
})
