import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_USERS } from '../../seed/demo-users.ts'
import { PERMISSIONS } from '../../src/auth/roles.ts'
import { expectNoAxeViolations, launchBrowser } from './support/browser.ts'
import { type RunningHearth, signIn, startHearth } from './support/server.ts'

let hearth: RunningHearth
let browser: Browser

beforeAll(async () => {
  ;[hearth, browser] = await Promise.all([startHearth(), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await hearth?.stop()
})

describe('the platform in a browser', () => {
  it('serves the sign-in page and, once signed in, the home page — without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${hearth.url}/`)
    expect(new URL(page.url()).pathname).toBe('/sign-in')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Enter your username')

    await signIn(page, hearth.url, 'socialworker')
    expect(new URL(page.url()).pathname).toBe('/')
    await expect(page.locator('h1').textContent()).resolves.toContain('Hello')
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page.locator('h1').textContent()).resolves.toBe('You have signed out')
    await context.close()
  })

  it('has no accessibility violations on any page, for any role', async () => {
    // axe needs JavaScript in the page; the sign-in page, empty and with errors, first.
    const anonymous = await browser.newContext()
    const signInPage = await anonymous.newPage()
    await signInPage.goto(`${hearth.url}/sign-in`)
    await expectNoAxeViolations(signInPage, 'sign-in')
    await signInPage.getByRole('button', { name: 'Sign in' }).click()
    await signInPage.locator('.govuk-error-summary').waitFor()
    await expectNoAxeViolations(signInPage, 'sign-in with errors')
    await anonymous.close()

    // Every page once (axe takes about a second a page), as the first role allowed it; the home page for
    // every role, since the navigation differs by role.
    const pagesChecked: string[] = []
    const checked = new Set<string>()
    for (const demo of DEMO_USERS) {
      const context = await browser.newContext()
      const page = await context.newPage()
      await signIn(page, hearth.url, demo.username)
      // Team pages are for the user's own team.
      const me = (await (await page.request.get(`${hearth.url}/api/v1/me`)).json()) as {
        teamId: number | null
      }
      const teamId = String(me.teamId ?? 2)
      const urls = hearth.app.routeAccess
        .filter((r) => r.method === 'GET' && r.access.permission && !r.url.startsWith('/api/'))
        .filter((r) => (PERMISSIONS[r.access.permission!] as readonly string[]).includes(demo.role))
        .map((r) => r.url.replace(':teamId', teamId))
        .concat('/no-such-page')
        // Pages only: file downloads (CSV exports) are not pages.
        .filter((url) => !url.includes(':') && !url.endsWith('.csv') && (url === '/' || !checked.has(url)))
      for (const url of urls) {
        const response = await page.goto(`${hearth.url}${url}`)
        expect(response?.status(), `${demo.username} ${url}`).toBe(url === '/no-such-page' ? 404 : 200)
        await expectNoAxeViolations(page, `${url} as ${demo.username}`)
        checked.add(url)
        pagesChecked.push(`${demo.username} ${url}`)
      }
      await context.close()
    }
    expect(checked.size).toBeGreaterThanOrEqual(6)
  }, 240_000) // every page for every role, about a second each

  it('warns before the session times out, keeps what was typed, and keeps the user signed in on request', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.clock.install()
    await signIn(page, hearth.url, 'teammanager')
    const dialog = page.getByRole('dialog', { name: 'You will be signed out soon' })
    await expect(dialog.isVisible()).resolves.toBe(false)
    // 29 minutes without activity against the 30-minute default.
    await page.clock.fastForward('29:00')
    await dialog.waitFor({ state: 'visible' })
    await expectNoAxeViolations(page, 'session timeout warning')
    const keepAlive = page.waitForResponse((r) => r.url().endsWith('/session/keep-alive'))
    await dialog.getByRole('button', { name: 'Stay signed in' }).click()
    expect((await keepAlive).status()).toBe(200)
    await dialog.waitFor({ state: 'hidden' })
    await context.close()
  })
})
