// Filling Hearth's GOV.UK forms the way a person reads them: by legend and label, never by field name.
import type { Locator, Page } from 'playwright-core'
import { expectNoAxeViolations } from '../support/browser.ts'

type Scope = Page | Locator

/** A fieldset (GOV.UK date input, radios, checkboxes, or a repeated block) by its legend. */
export const group = (scope: Scope, legend: string | RegExp) =>
  scope.getByRole('group', { name: legend, exact: typeof legend === 'string' })

/** Types an ISO date into the GOV.UK date input with that legend. */
export async function fillDate(scope: Scope, legend: string, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-')
  const date = group(scope, legend)
  await date.getByLabel('Day', { exact: true }).fill(String(Number(day)))
  await date.getByLabel('Month', { exact: true }).fill(String(Number(month)))
  await date.getByLabel('Year', { exact: true }).fill(year ?? '')
}

/**
 * Chooses one radio (or ticks one checkbox) in the fieldset with that legend. A pattern is matched against
 * the option's accessible name (label text, trimmed).
 */
export async function choose(scope: Scope, legend: string | RegExp, option: string | RegExp): Promise<void> {
  const fieldset = group(scope, legend)
  const target =
    typeof option === 'string'
      ? fieldset.getByLabel(option, { exact: true })
      : fieldset.getByRole('radio', { name: option }).or(fieldset.getByRole('checkbox', { name: option }))
  await target.check()
}

/** Fills a text input or textarea by its label. */
export async function fill(scope: Scope, label: string, value: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).fill(value)
}

/** Chooses the option shown as `option` (or the first starting with a pattern) in the select with that label. */
export async function select(scope: Scope, label: string, option: string | RegExp): Promise<void> {
  const field = scope.getByLabel(label, { exact: true })
  if (typeof option === 'string') {
    await field.selectOption({ label: option })
    return
  }
  const texts = (await field.locator('option').allInnerTexts()).map((t) => t.trim())
  const text = texts.find((t) => option.test(t))
  if (text === undefined) throw new Error(`No option like ${option} in “${label}”: ${texts.join(' | ')}`)
  await field.selectOption({ label: text })
}

/**
 * Presses a button (or a link styled as one) and waits for the next page. A form the service refused comes
 * back with an error summary: that fails here, with the page's own words.
 */
export async function press(page: Page, button: string | RegExp): Promise<void> {
  await page.getByRole('button', { name: button, exact: typeof button === 'string' }).click()
  await page.waitForLoadState()
  const problem = page.locator('.govuk-error-summary')
  if ((await problem.count()) > 0)
    throw new Error(`“${button}” on ${page.url()} was refused:\n${await problem.first().innerText()}`)
}

/** Follows a link by its accessible name (visually hidden text included). */
export async function follow(scope: Scope, link: string | RegExp): Promise<void> {
  await scope
    .getByRole('link', { name: link, exact: typeof link === 'string' })
    .first()
    .click()
}

/** Opens a section of the child's record from the record's own navigation. */
export async function openSection(page: Page, section: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Sections of the record' })
    .getByRole('link', { name: section, exact: true })
    .click()
  await page.waitForLoadState()
}

/** Finds the child through “Find a child”, as anyone starting from the service navigation would. */
export async function findChild(page: Page, search: string, personId: number): Promise<void> {
  await page.getByRole('link', { name: 'Find a child', exact: true }).first().click()
  await fill(page, 'Name, Hearth ID, NHS number or UPN', search)
  await press(page, 'Search')
  await page.locator(`table a[href="/children/${personId}"]`).click()
  await page.waitForLoadState()
}

/** The text of every row's cells in the table with that caption. */
export async function tableRows(page: Page, caption: string | RegExp): Promise<string[][]> {
  const table = page.locator('table').filter({ has: page.locator('caption', { hasText: caption }) })
  const rows = table.first().locator('tbody tr')
  const out: string[][] = []
  for (const row of await rows.all())
    out.push((await row.locator('th, td').allInnerTexts()).map((t) => t.trim()))
  return out
}

/** An accessibility check of the page as it is now, named by the kind of page (see AxeChecks). */
export type PageCheck = (page: Page, kind: string) => Promise<void>

/**
 * axe on each kind of page once. Violations are collected rather than thrown, so one page's problem does
 * not hide the rest of the journey; the test asserts the list is empty at the end.
 */
export class AxeChecks {
  readonly violations: string[] = []
  readonly checked: string[] = []

  async check(page: Page, kind: string): Promise<void> {
    if (this.checked.includes(kind)) return
    this.checked.push(kind)
    try {
      await expectNoAxeViolations(page, kind)
    } catch (error) {
      this.violations.push((error as Error).message)
    }
  }
}
