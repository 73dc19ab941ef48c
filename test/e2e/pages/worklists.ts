// Helpers for the worklists browser test: the children it needs, built through Hearth's own JSON API before
// the browser starts (as the front door, social worker, manager and chair would record them), and the
// worklist tables as a person reads them.
import { eq } from 'drizzle-orm'
import type { Locator, Page } from 'playwright-core'
import { DEMO_PASSWORD } from '../../../seed/demo-users.ts'
import { worker } from '../../../src/db/schema/index.ts'
import { today } from '../../../src/services/dates.ts'
import { type Cast, Journey, signInCast, workingDaysBefore } from '../../integration/timescales/support.ts'
import { type TestApp, TestClient } from '../../support/app.ts'
import type { RunningHearth } from '../support/server.ts'

/** The demo users signed in to the running Hearth's API (in-process, as the integration tests do). */
export async function castOf(hearth: RunningHearth): Promise<Cast> {
  const t: TestApp = {
    app: hearth.app,
    database: hearth.database,
    client: () => new TestClient(hearth.app),
    async signedIn(username: string) {
      const client = new TestClient(hearth.app)
      const response = await client.signIn(username, DEMO_PASSWORD)
      if (response.statusCode !== 303)
        throw new Error(`sign-in as ${username} failed: ${response.statusCode}`)
      await client.get('/')
      return client
    },
    close: () => hearth.stop(),
  }
  return signInCast(t)
}

/**
 * A child on a child protection plan since 25 working days ago, last visited 15 working days ago: a visit
 * has been overdue for 5 working days (every 10 working days is the standard). The social worker's.
 */
export async function visitOverdue(cast: Cast, givenName: string): Promise<Journey> {
  const ago = (n: number) => workingDaysBefore(today(), n)
  const j = await Journey.start(cast, givenName)
  const referralId = await j.referral(ago(38))
  const s47 = await j.section47(referralId, ago(35), ago(32))
  const cpPlanId = await j.initialConference(s47, ago(25))
  await j.coreGroup(cpPlanId, ago(20))
  await j.visit(ago(15), { kind: 'cp' })
  await j.oversight(ago(10))
  return j
}

export async function workerName(hearth: RunningHearth, workerId: number): Promise<string> {
  const [row] = await hearth.database.db
    .select({ givenName: worker.givenName, familyName: worker.familyName })
    .from(worker)
    .where(eq(worker.id, workerId))
  if (!row) throw new Error(`No worker ${workerId}`)
  return `${row.givenName} ${row.familyName}`
}

/** The rows of the worklist table whose caption starts with `group` (Overdue, Due today…) about a child. */
export function workRows(page: Page, group: string, personId: number): Locator {
  return page
    .locator('table')
    .filter({ has: page.locator('caption', { hasText: new RegExp(`^\\s*${group} \\(\\d+\\)`) }) })
    .locator('tbody tr')
    .filter({ has: page.locator(`a[href="/children/${personId}"]`) })
}

/** "My work" in the service navigation, with the number overdue it shows (null when none is shown). */
export async function myWorkCount(page: Page): Promise<number | null> {
  const link = page.locator('a[href="/my-work"]').first()
  const text = await link.innerText()
  const found = /\((\d+)\)/.exec(text)
  return found ? Number(found[1]) : null
}
