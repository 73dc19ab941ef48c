// The performance analyst's statutory returns, walked in a browser: sign in, open Returns from the service
// navigation, build the CIN census for a collection year and the Ofsted Annex A workbook, watch each job to
// the end, read the validation summary and download the file, then open what was downloaded as the DfE's
// and Ofsted's tools would (the XML parsed, the workbook opened with exceljs). A social worker is refused
// the page. axe runs on every kind of page on the way.
import { readFile } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ANNEX_A_LISTS } from '../../src/returns/annex-a/spec.ts'
import { AxeChecks, choose, press } from './pages/forms.ts'
import { launchBrowser } from './support/browser.ts'
import { asSignedIn, type RunningHearth, startHearth } from './support/server.ts'

let hearth: RunningHearth
let browser: Browser
const axe = new AxeChecks()

beforeAll(async () => {
  ;[hearth, browser] = await Promise.all([startHearth(), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await hearth?.stop()
})

const RETURN = 'Which return'
const CIN_CENSUS = 'Children in need census (XML)'
const ANNEX_A = 'Ofsted Annex A lists for inspection (Excel workbook)'

/**
 * Follows a job from its first page to the end. On the demo authority a job may already be done when its
 * page first loads; when it is still running, the page must say how far it has got (children or lists
 * done, with a progress bar) and offer "Check progress", pressed until the return is ready. The page does
 * not refresh itself (WCAG 2.2.1). Returns what the first load showed.
 */
async function watchJob(page: Page, ready: string): Promise<{ sawProgress: boolean; status: string }> {
  expect(new URL(page.url()).pathname).toMatch(/^\/returns\/jobs\/[0-9a-f-]{36}$/)
  const panel = page.locator('.govuk-panel__title')
  const status = page.getByRole('status')
  let sawProgress = false
  let statusText = ''
  if ((await status.count()) > 0) {
    sawProgress = true
    statusText = (await status.innerText()).trim()
    const shown = /^Building the return: ([\d,]+) of ([\d,]+) (children|lists) \((\d+)%\)/.exec(statusText)
    expect(shown, statusText).not.toBeNull()
    const [done, total] = [shown![1]!, shown![2]!].map((n) => Number(n.replace(/,/g, '')))
    expect(done).toBeLessThanOrEqual(total!)
    expect(Number(shown![4])).toBeLessThanOrEqual(100)
    await expect.poll(() => page.locator('progress').count()).toBe(1)
    await axe.check(page, 'return job: in progress')
  }
  for (let i = 0; i < 60 && (await page.getByRole('status').count()) > 0; i++) {
    await page.waitForTimeout(500)
    await page.getByRole('button', { name: 'Check progress' }).click()
    await page.waitForLoadState()
  }
  await panel.waitFor({ timeout: 5_000 })
  expect((await panel.innerText()).trim()).toBe(ready)
  await expect.poll(() => page.getByRole('status').count()).toBe(0)
  return { sawProgress, status: statusText }
}

async function downloadFrom(page: Page, link: RegExp): Promise<{ name: string; body: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: link }).click(),
  ])
  const file = await download.path()
  return { name: download.suggestedFilename(), body: await readFile(file) }
}

/** The number before "children" in the panel: "123 children; 0 errors and 4 queries". */
async function panelChildren(page: Page): Promise<number> {
  const text = await page.locator('.govuk-panel__body').innerText()
  const match = /^([\d,]+) children; (\d+) errors/.exec(text.trim())
  if (!match) throw new Error(`No child count in the panel: ${text}`)
  return Number(match[1]!.replace(/,/g, ''))
}

describe('statutory returns in the browser', () => {
  it('the analyst builds the CIN census and the Annex A workbook, sees the summaries and downloads both', async () => {
    await asSignedIn(
      browser,
      hearth.url,
      'analyst',
      async (page) => {
        await axe.check(page, 'analyst home')
        await page.getByRole('link', { name: 'Returns', exact: true }).first().click()
        await page.waitForLoadState()
        expect(new URL(page.url()).pathname).toBe('/returns')
        await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Statutory returns')
        await axe.check(page, 'returns form')

        // The CIN census for the last complete collection year.
        await choose(page, RETURN, CIN_CENSUS)
        await choose(page, 'Collection year (CIN census and SSDA903)', /^2025-26 /)
        await press(page, 'Produce the return')
        const census = await watchJob(page, 'Return ready')
        await expect.poll(() => page.locator('h1.govuk-heading-l').innerText()).toBe(`${CIN_CENSUS} 2025-26`)
        await axe.check(page, 'return job: census ready')
        const children = await panelChildren(page)
        expect(children).toBeGreaterThan(0)
        // The validation summary: a table of rules when there are issues, or the sentence saying there are none.
        const summary = page.locator('caption', { hasText: 'Validation summary (DfE rules 2025-26)' })
        const none = page.getByText('The DfE rules found nothing to correct.')
        expect((await summary.count()) + (await none.count())).toBe(1)

        const xml = await downloadFrom(page, /^Download cin-census-2025-26-\d{3}\.xml$/)
        expect(xml.name).toMatch(/^cin-census-2025-26-\d{3}\.xml$/)
        const text = xml.body.toString('utf8')
        expect(XMLValidator.validate(text)).toBe(true)
        expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true)
        const parsed = new XMLParser({ isArray: (name) => name === 'Child', parseTagValue: false }).parse(
          text,
        )
        expect(parsed.Message.Header.CollectionDetails).toEqual({
          Collection: 'CIN',
          Year: '2026',
          ReferenceDate: '2026-03-31',
        })
        expect(parsed.Message.Header.Source.SourceLevel).toBe('L')
        expect(parsed.Message.Header.Source.LEA).toMatch(/^\d{3}$/)
        expect(xml.name).toContain(`-${parsed.Message.Header.Source.LEA}.xml`)
        const xmlChildren = parsed.Message.Children.Child as { ChildIdentifiers: { LAchildID: string } }[]
        // The same children as the page said, each once, each with its identifiers.
        expect(xmlChildren).toHaveLength(children)
        const ids = xmlChildren.map((c) => c.ChildIdentifiers.LAchildID)
        expect(new Set(ids).size).toBe(ids.length)
        for (const id of ids) expect(id).toMatch(/^\d+$/)

        // Back to the form for the Annex A workbook, six months up to today (the form's own default).
        await page.getByRole('link', { name: 'Statutory returns', exact: true }).click()
        await page.waitForLoadState()
        await choose(page, RETURN, ANNEX_A)
        await press(page, 'Produce the return')
        const annex = await watchJob(page, 'Workbook ready')
        await axe.check(page, 'return job: Annex A ready')
        const listRows = await page
          .locator('table')
          .filter({ has: page.locator('caption', { hasText: 'Lists in the workbook' }) })
          .locator('tbody tr')
          .all()
        expect(listRows).toHaveLength(11)
        const shownRows = new Map<string, number>()
        for (const row of listRows) {
          const [sheet, , rows] = (await row.locator('th, td').allInnerTexts()).map((t) => t.trim())
          shownRows.set(sheet!, Number(rows!.replace(/,/g, '')))
        }

        const xlsx = await downloadFrom(page, /^Download annex-a-\d{4}-\d{2}-\d{2}-\d{3}\.xlsx$/)
        expect(xlsx.name).toMatch(/^annex-a-\d{4}-\d{2}-\d{2}-\d{3}\.xlsx$/)
        const workbook = new ExcelJS.Workbook()
        await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer)
        expect(workbook.worksheets.map((s) => s.name)).toEqual(ANNEX_A_LISTS.map((l) => l.list))
        for (const list of ANNEX_A_LISTS) {
          const sheet = workbook.getWorksheet(list.list)!
          const header = (sheet.getRow(1).values as unknown[]).slice(1)
          expect(header, list.list).toEqual(list.columns.map((c) => c.column))
          // The rows the page counted are the rows in the sheet, below the header.
          expect(sheet.actualRowCount - 1, list.list).toBe(shownRows.get(list.list))
        }
        // The demo authority has referrals in any six months, so the workbook is not just headers.
        expect(shownRows.get('List 3')).toBeGreaterThan(0)
        console.info(
          `returns e2e: census first showed ${census.sawProgress ? `"${census.status}"` : 'ready'}, Annex A ${annex.sawProgress ? `"${annex.status}"` : 'ready'}`,
        )
      },
      { acceptDownloads: true },
    )
  })

  it('a social worker is refused the returns page and is not offered it', async () => {
    await asSignedIn(browser, hearth.url, 'socialworker', async (page) => {
      await expect.poll(() => page.getByRole('link', { name: 'Returns', exact: true }).count()).toBe(0)
      const response = await page.goto(`${hearth.url}/returns`)
      expect(response?.status()).toBe(403)
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).innerText())
        .toBe('You do not have permission to do this')
      await expect.poll(() => page.locator('form[action="/returns"]').count()).toBe(0)
      await axe.check(page, 'returns refused (403)')
      // Nor can the form be posted around the page.
      const posted = await page.request.post(`${hearth.url}/returns`, {
        form: { type: 'cin-census', year: '2025-26' },
        maxRedirects: 0,
      })
      expect(posted.status()).toBe(403)
    })
  })

  it('passes axe on every page it opened', () => {
    expect(axe.checked.length).toBeGreaterThanOrEqual(5)
    expect(axe.violations).toEqual([])
  })
})
