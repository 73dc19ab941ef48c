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

/** GOV.UK style dates ("4 June 2025"); accepts ISO date strings and Date objects. */
export function formatDate(value: unknown): string {
  if (value === null || value === undefined || value === '') return ''
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T12:00:00Z`)
      : new Date(String(value instanceof Date ? value.toISOString() : value))
  return Number.isNaN(date.getTime()) ? String(value) : LONG_DATE.format(date)
}

export function formatDateTime(value: unknown): string {
  if (!value) return ''
  const date = value instanceof Date ? value : new Date(String(value))
  return Number.isNaN(date.getTime()) ? String(value) : DATE_TIME.format(date)
}

export function configureNunjucks(env: nunjucks.Environment): void {
  env.addFilter('date', formatDate)
  env.addFilter('dateTime', formatDateTime)
  env.addFilter('dateParts', dateParts)
  env.addFilter('number', (value: unknown) =>
    typeof value === 'number' ? value.toLocaleString('en-GB') : value,
  )
}
