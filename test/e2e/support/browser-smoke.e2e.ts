// Proves the Chromium + axe wiring on a page that needs no server.
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { expectNoAxeViolations, launchBrowser } from './browser.ts'

let browser: Browser
let context: BrowserContext

beforeAll(async () => {
  browser = await launchBrowser()
  // axe needs pages from an explicit context, not browser.newPage().
  context = await browser.newContext()
})

afterAll(async () => {
  await browser?.close()
})

const page = (body: string) =>
  `data:text/html;charset=utf-8,${encodeURIComponent(
    `<!doctype html><html lang="en"><head><title>Smoke test</title></head><body>${body}</body></html>`,
  )}`

test('renders a page and finds no accessibility violations', async () => {
  const tab = await context.newPage()
  await tab.goto(page('<main><h1>Hearth</h1><p>Case recording.</p></main>'))
  expect(await tab.locator('h1').textContent()).toBe('Hearth')
  await expectNoAxeViolations(tab, 'smoke page')
  await tab.close()
})

test('reports violations with their rule, impact and target', async () => {
  const tab = await context.newPage()
  await tab.goto(page('<main><h1>Hearth</h1><img src="x.png"><input type="text"></main>'))
  const error = await expectNoAxeViolations(tab, 'broken page').catch((e: Error) => e)
  expect(error).toBeInstanceOf(Error)
  expect(String(error)).toMatch(/on broken page/)
  expect(String(error)).toMatch(/image-alt \(critical\)/)
  expect(String(error)).toMatch(/- img/)
  await tab.close()
})
