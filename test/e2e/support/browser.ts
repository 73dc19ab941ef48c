// Browser helpers for e2e tests: Debian's Chromium (no downloaded browser builds here) and axe checks.
import AxeBuilder from '@axe-core/playwright'
import { type Browser, chromium, type Page } from 'playwright-core'

export const chromiumPath = process.env.HEARTH_CHROMIUM ?? '/usr/bin/chromium'

// Flags tested on this kind of machine: no sandbox as root, no GPU, and nothing that reaches the network.
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
}

// The public sector accessibility regulations point at WCAG 2.2 AA.
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/**
 * Runs axe on the page as it is now and throws a readable list of every WCAG A/AA violation.
 * The page must come from `browser.newContext()`: axe refuses pages made by `browser.newPage()`.
 */
export async function expectNoAxeViolations(page: Page, context?: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze()
  if (results.violations.length === 0) return

  const lines = results.violations.map((violation) => {
    // A target has one selector per frame (and shadow root) on the way to the element.
    const targets = violation.nodes.map((node) => `    - ${node.target.flat().join(' >> ')}`).join('\n')
    return `  ${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}\n    ${violation.helpUrl}\n${targets}`
  })
  const where = context ?? page.url().slice(0, 120)
  throw new Error(`${results.violations.length} accessibility violation(s) on ${where}:\n${lines.join('\n')}`)
}
