import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type nunjucks from 'nunjucks'
import { dateParts } from './forms.ts'

const require = createRequire(import.meta.url)
export const viewsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'views')
/** govuk-frontend's dist folder: its templates are imported as "govuk/…". */
export const govukDist = path.join(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist')

const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
})
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
})

const formattedDays = new Map<string, string>()

/** GOV.UK style dates ("4 June 2025"); accepts ISO date strings and Date objects. */
export function formatDate(value: unknown): string {
  if (value === null || value === undefined || value === '') return ''
  // A long list (a chronology of 500 events) formats the same days again and again: Intl is slow.
  const known = typeof value === 'string' ? formattedDays.get(value) : undefined
  if (known !== undefined) return known
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T12:00:00Z`)
      : new Date(String(value instanceof Date ? value.toISOString() : value))
  const formatted = Number.isNaN(date.getTime()) ? String(value) : LONG_DATE.format(date)
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    if (formattedDays.size >= 20_000) formattedDays.clear()
    formattedDays.set(value, formatted)
  }
  return formatted
}

export function formatDateTime(value: unknown): string {
  if (!value) return ''
  const date = value instanceof Date ? value : new Date(String(value))
  return Number.isNaN(date.getTime()) ? String(value) : DATE_TIME.format(date)
}

const runtime = require('nunjucks/src/runtime') as {
  copySafeness: (from: unknown, to: string) => unknown
}

export function configureNunjucks(env: nunjucks.Environment): void {
  // Nunjucks trims with /^\s*|\s*$/g, quadratic in each run of spaces: govuk-frontend trims every nested
  // component's indented output, which cost a long page tens of milliseconds. Same result, linear.
  env.addFilter('trim', (value: unknown) => runtime.copySafeness(value, String(value ?? '').trim()))
  env.addFilter('date', formatDate)
  env.addFilter('dateTime', formatDateTime)
  env.addFilter('dateParts', dateParts)
  env.addFilter('number', (value: unknown) =>
    typeof value === 'number' ? value.toLocaleString('en-GB') : value,
  )
}
