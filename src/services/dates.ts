import { isIsoDate } from '../domain/calendar/iso-date.ts'
import type { Checker } from './errors.ts'

// Made once: building an Intl.DateTimeFormat costs far more than formatting with it, and today() runs on
// every signed-in page (the overdue count in the navigation).
const UK_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})

/** "4 June 2026", as the pages show dates: for messages. Empty for no date; anything not a date as given. */
export function longDate(iso: string | null | undefined): string {
  if (!iso) return ''
  if (!isIsoDate(iso)) return iso
  return LONG_DATE.format(new Date(`${iso}T12:00:00Z`))
}

/** Today's civil date in England (the service's dates are UK dates, whatever the server's zone). */
export function today(now = new Date()): string {
  return UK_DATE.format(now)
}

/**
 * Checks a date field: present when required, a real date, and not in the future unless allowed.
 * Returns the date or null.
 */
export function checkDate(
  checker: Checker,
  field: string,
  label: string,
  value: string | null | undefined,
  options: { required?: boolean; allowFuture?: boolean; now?: string } = {},
): string | null {
  if (!value) {
    if (options.required) checker.add(field, `Enter ${label}`)
    return null
  }
  if (!isIsoDate(value)) {
    checker.add(field, `${capitalise(label)} must be a real date`)
    return null
  }
  if (!options.allowFuture && value > (options.now ?? today())) {
    checker.add(field, `${capitalise(label)} must be today or in the past`)
    return null
  }
  return value
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
