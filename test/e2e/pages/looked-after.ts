// Helpers for the children-in-care browser test: the placement fields, a move and a change of legal status, a
// date with a time, and what an ordinary user can reach of a child (search, home caseload, worklists, the
// record itself).
import type { Locator, Page } from 'playwright-core'
import { choose, fill, fillDate, group, type PageCheck, press, select } from './forms.ts'

type Scope = Page | Locator

export interface PlacementDetails {
  /** The 903 PLACE code, e.g. U6. */
  type: string
  /** The 903 PLACE_PROVIDER code, e.g. PR1. */
  provider: string
  providerName: string
  urn: string
  address: string
  postcode: string
  distanceMiles: string
  inside: boolean
}

/** Fills the placement fields shared by starting care and recording a move. */
export async function fillPlacement(page: Page, p: PlacementDetails): Promise<void> {
  await select(page, 'Type of placement', new RegExp(`^${p.type} – `))
  await select(page, 'Who provides the placement', new RegExp(`^${p.provider} – `))
  await fill(page, 'Name of the carer, home or provider (optional)', p.providerName)
  await fill(page, 'Ofsted unique reference number (URN)', p.urn)
  await fill(page, 'Address of the placement (optional)', p.address)
  await fill(page, 'Postcode of the placement', p.postcode)
  await fill(page, 'Distance from the home the child came from, in miles (optional)', p.distanceMiles)
  await choose(
    page,
    'Where is the placement?',
    p.inside ? "Inside the authority's area" : "Outside the authority's area",
  )
}

/**
 * From the Child in care section: records a move to another placement for a change of care plan (CARPL).
 * The filled form is checked with `check` as 'record a move'.
 */
export async function recordMove(
  page: Page,
  date: string,
  p: PlacementDetails,
  check: PageCheck,
): Promise<void> {
  await press(page, 'Record a move')
  await fillDate(page, 'Date the child moved', date)
  await choose(page, 'Why the placement is changing', /^CARPL – /)
  await fillPlacement(page, p)
  await check(page, 'record a move')
  await press(page, 'Save the move')
}

/**
 * From the Child in care section: a new legal status (the 903 LS code, e.g. C1) from a date. The filled form
 * is checked with `check` as 'change the legal status'.
 */
export async function changeLegalStatus(
  page: Page,
  date: string,
  code: string,
  check: PageCheck,
): Promise<void> {
  await press(page, 'Change the legal status')
  await fillDate(page, 'Date the new legal status starts', date)
  await select(page, 'New legal status', new RegExp(`^${code} – `))
  await check(page, 'change the legal status')
  await press(page, 'Save the legal status')
}

/** A date and a time together (the missing episode's fieldsets): a group holding "Date" and "Time". */
export async function fillWhen(scope: Scope, legend: string, iso: string, time: string): Promise<void> {
  const when = group(scope, legend)
  await fillDate(when, 'Date', iso)
  await when.getByLabel('Time', { exact: true }).fill(time)
}

/** Links to the child's record on the page as it is now. */
export const linksTo = (page: Page, personId: number) =>
  page.locator(`main a[href="/children/${personId}"], main a[href^="/children/${personId}/"]`).count()

/** Searches "Find a child" and says whether the child's record is among the results. */
export async function searchFinds(
  page: Page,
  search: string,
  personId: number,
  check?: PageCheck,
): Promise<boolean> {
  await page.getByRole('link', { name: 'Find a child', exact: true }).first().click()
  await fill(page, 'Name, Hearth ID, NHS number or UPN', search)
  await press(page, 'Search')
  const found = (await page.locator(`table a[href="/children/${personId}"]`).count()) > 0
  await check?.(page, found ? 'find a child: results' : 'find a child: not found')
  return found
}

/** What a signed-in user can reach of a child: each way in, as they would look. */
export interface Reach {
  search: boolean
  home: boolean
  worklists: boolean
  page: number
}

/**
 * Looks for the child everywhere an ordinary user would: "Find a child" by name and by Hearth ID, their
 * home page, their worklists (My work; for a manager also My team and the adoption timeliness list), and
 * the record's own address. Each page is checked with `check` as it is met.
 */
export async function reachOf(
  page: Page,
  baseUrl: string,
  child: { name: string; personId: number },
  options: { manager: boolean; check?: PageCheck },
): Promise<Reach> {
  const { check } = options
  const bySearch = [
    await searchFinds(page, child.name, child.personId, check),
    await searchFinds(page, String(child.personId), child.personId, check),
  ]
  await page.goto(`${baseUrl}/`)
  await check?.(page, options.manager ? 'home: manager' : 'home: caseload')
  const home = (await linksTo(page, child.personId)) > 0
  const lists = ['/my-work', ...(options.manager ? ['/my-team', '/adoption/timeliness'] : [])]
  let worklists = false
  for (const path of lists) {
    const response = await page.goto(`${baseUrl}${path}`)
    if (response?.status() !== 200) throw new Error(`${path} answered ${response?.status()}`)
    await check?.(page, path)
    if ((await linksTo(page, child.personId)) > 0) worklists = true
  }
  const record = await page.goto(`${baseUrl}/children/${child.personId}`)
  return {
    search: bySearch.some(Boolean),
    home,
    worklists,
    page: record?.status() ?? 0,
  }
}
