import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  calendarDaysBetween,
  type IsoDate,
  workingDaysBetween,
} from '../../domain/calendar/working-days.ts'
import type { Unit } from './types.ts'

// Records can be older than the stored bank-holiday calendar (a child in care since 2011, say): the
// calendar counts weekdays before it (see working-days.ts), so an old record is still flagged, as overdue.

// Due dates repeat (a whole authority's clocks start on a few thousand days), and a rule asks for one per
// row: remembered by start, amount and unit. Bounded, so a long-running process does not grow it forever.
const dueDates = new Map<string, IsoDate>()
const DUE_DATES_KEPT = 50_000

/** The date by which something is due: `amount` units after `start` (see working-days.ts for counting). */
export function dueDate(start: IsoDate, amount: number, unit: Unit): IsoDate {
  const key = `${start}|${amount}|${unit}`
  let due = dueDates.get(key)
  if (due === undefined) {
    due = computeDueDate(start, amount, unit)
    if (dueDates.size >= DUE_DATES_KEPT) dueDates.clear()
    dueDates.set(key, due)
  }
  return due
}

function computeDueDate(start: IsoDate, amount: number, unit: Unit): IsoDate {
  switch (unit) {
    case 'working-days':
      return addWorkingDays(start, amount)
    case 'calendar-days':
      return addCalendarDays(start, amount)
    case 'weeks':
      return addCalendarDays(start, amount * 7)
    case 'months':
      return addMonths(start, amount)
    case 'hours':
      // Hours are counted from the start of the day the clock started: 72 hours is three days on.
      return addCalendarDays(start, Math.ceil(amount / 24))
  }
}

/** Working days from `due` to `asAt`: positive when overdue, zero on the day, negative when still ahead. */
export function workingDaysOverdue(due: IsoDate, asAt: IsoDate): number {
  return workingDaysBetween(due, asAt)
}

export { calendarDaysBetween }

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** A date in words, GOV.UK style, for a flag's `what` ("2 March 2026"). */
export function inWords(date: IsoDate): string {
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`
}
