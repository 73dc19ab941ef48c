import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { today } from '../../src/services/dates.ts'
import type { Cast, Journey } from '../integration/timescales/support.ts'
import { AxeChecks, press, select, tableRows } from './pages/forms.ts'
import { recordVisit } from './pages/record.ts'
import { castOf, myWorkCount, visitOverdue, workerName, workRows } from './pages/worklists.ts'
import { launchBrowser } from './support/browser.ts'
import { asSignedIn, type RunningHearth, startHearth } from './support/server.ts'

// Worklists in a browser: the social worker finds their overdue visit on My work, follows it to where the
// visit is recorded, records it, and the item leaves the list (and the count in the navigation drops); the
// team manager sees the team's work per worker, with caseloads and the overdue items by timescale, and
// reassigns a child from there. axe on every page.

let hearth: RunningHearth
let browser: Browser
let cast: Cast
let wren: Journey
let rowan: Journey
const axe = new AxeChecks()

beforeAll(async () => {
  ;[hearth, browser] = await Promise.all([startHearth(), launchBrowser()])
  cast = await castOf(hearth)
  wren = await visitOverdue(cast, 'Wren')
  rowan = await visitOverdue(cast, 'Rowan')
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await hearth?.stop()
})

const as = (username: string, walk: (page: Page) => Promise<void>) =>
  asSignedIn(browser, hearth.url, username, walk)

const VISIT = 'Visit and see the child (child protection plan)'

describe('worklists', () => {
  it('shows a worker their overdue visit, takes them to where it is done, and drops it once recorded', async () => {
    await as('socialworker', async (page) => {
      const before = await myWorkCount(page)
      expect(before).toBeGreaterThanOrEqual(2)
      await page.locator('a[href="/my-work"]').first().click()
      await page.waitForLoadState()
      await axe.check(page, 'my work')
      const row = workRows(page, 'Overdue', wren.personId)
      await expect(row.filter({ hasText: VISIT }).count()).resolves.toBe(1)
      await expect(row.filter({ hasText: VISIT }).innerText()).resolves.toContain('Overdue by')
      await expect(
        workRows(page, 'Overdue', rowan.personId).filter({ hasText: VISIT }).count(),
      ).resolves.toBe(1)

      await row.getByRole('link', { name: VISIT, exact: true }).click()
      await page.waitForLoadState()
      expect(new URL(page.url()).pathname).toBe(`/children/${wren.personId}/visits`)
      await axe.check(page, 'visits')
      await recordVisit(
        page,
        {
          date: today(),
          wishesAndFeelings: '“Home is calmer. I like my new bed.”',
          sawAndHeard: 'A calm home; food in the cupboards.',
          analysis: 'The plan is helping; no new concerns.',
        },
        (page, kind) => axe.check(page, kind),
      )
      await axe.check(page, 'visit')

      // Back on My work: Wren's visit has gone, Rowan's is still there, and the count has dropped by one.
      await page.locator('a[href="/my-work"]').first().click()
      await page.waitForLoadState()
      await expect(workRows(page, 'Overdue', wren.personId).filter({ hasText: VISIT }).count()).resolves.toBe(
        0,
      )
      await expect(
        workRows(page, 'Overdue', rowan.personId).filter({ hasText: VISIT }).count(),
      ).resolves.toBe(1)
      expect(await myWorkCount(page)).toBe(before! - 1)
    })
  })

  it('shows a manager the team per worker, with caseloads and overdue work by timescale, and reassigns a child', async () => {
    const social = await workerName(hearth, cast.staff.socialworker.workerId)
    await as('teammanager', async (page) => {
      await page.locator('a[href="/my-team"]').first().click()
      await page.waitForLoadState()
      expect(new URL(page.url()).pathname).toBe(`/teams/${cast.staff.socialworker.teamId}/work`)
      await axe.check(page, 'my team')

      const workers = await tableRows(page, "Each worker's caseload and work")
      const mine = workers.find((r) => r[0]?.startsWith(social))
      expect(mine, workers.map((r) => r.join(' | ')).join('\n')).toBeDefined()
      // Children allocated, overdue, due soon, to look at: Rowan at least, and Rowan's visit overdue.
      expect(Number(mine![1])).toBeGreaterThanOrEqual(2)
      expect(Number(mine![2])).toBeGreaterThanOrEqual(1)
      const byRule = await tableRows(page, "The team's work by timescale")
      const visits = byRule.find((r) => r[0] === 'Child protection visit: child seen')
      expect(visits, byRule.map((r) => r.join(' | ')).join('\n')).toBeDefined()
      expect(Number(visits![1])).toBeGreaterThanOrEqual(1)

      const row = workRows(page, 'Overdue', rowan.personId).filter({ hasText: VISIT })
      await expect(row.innerText()).resolves.toContain(social)
      await row.getByRole('link', { name: /^Reassign/ }).click()
      await page.waitForLoadState()
      await axe.check(page, 'reassign a child')
      await select(page, 'New worker', /^(?!Choose a worker).+/)
      const colleague = (
        await page.getByLabel('New worker', { exact: true }).locator('option:checked').innerText()
      )
        .split(' (')[0]!
        .trim()
      await press(page, 'Reassign')
      await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain(
        'The child has been reassigned',
      )
      await axe.check(page, 'my team, after reassigning')
      const moved = workRows(page, 'Overdue', rowan.personId).filter({ hasText: VISIT })
      await expect(moved.innerText()).resolves.toContain(colleague)
      await expect(moved.innerText()).resolves.not.toContain(social)
    })
  })

  it('has no accessibility violations on any page visited', () => {
    expect(axe.checked).toEqual([
      'my work',
      'visits',
      'record a visit',
      'visit',
      'my team',
      'reassign a child',
      'my team, after reassigning',
    ])
    expect(axe.violations).toEqual([])
  })
})
