import type { FastifyInstance } from 'fastify'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { DEMO_PASSWORD } from '../../../seed/demo-users.ts'
import { buildApp } from '../../../src/app.ts'
import { loadConfig } from '../../../src/config/config.ts'
import type { Database } from '../../../src/db/client.ts'
import { testDatabase } from '../../support/database.ts'

export interface RunningHearth {
  url: string
  app: FastifyInstance
  database: Database
  stop(): Promise<void>
}

/**
 * Hearth as `npm start` runs it — an embedded database with the demo authority — on a free port. The
 * database is a private copy of the one the global setup seeded once for the whole run (test/support).
 */
export async function startHearth(): Promise<RunningHearth> {
  const database = await testDatabase()
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    HEARTH_SIGN_IN_RATE_PER_MINUTE: '1000',
    HEARTH_RATE_LIMIT_PER_MINUTE: '1000000',
  })
  const app = await buildApp({ config, database })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    database,
    async stop() {
      await app.close()
      await database.close()
    },
  }
}

/** Signs in through the real form, as a person would. */
export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`)
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'))
}

/**
 * Signs `username` in through the form in a browser context of their own, does `work` on the page, and
 * closes the context (its cookies with it) however the work ends.
 */
export async function asSignedIn<T>(
  browser: Browser,
  baseUrl: string,
  username: string,
  work: (page: Page, context: BrowserContext) => Promise<T>,
  options: BrowserContextOptions = {},
): Promise<T> {
  const context = await browser.newContext(options)
  try {
    const page = await context.newPage()
    await signIn(page, baseUrl, username)
    return await work(page, context)
  } finally {
    await context.close()
  }
}
