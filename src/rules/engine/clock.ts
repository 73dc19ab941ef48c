import { isWeekend } from '../../domain/calendar/iso-date.ts'
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  CALENDAR_FIRST_YEAR,
  calendarDaysBetween,
  type IsoDate,
  isWorkingDay,
  workingDaysBetween,
} from '../../domain/calendar/working-days.ts'
import type { Unit } from './types.ts'

// Records can be older than the stored bank-holiday calendar (a child in care since 2011, say). A clock
// that starts before it is counted in weekdays until the calendar begins (bank holidays before it are not
// known), so an old record is still flagged, as overdue, rather than stopping the evaluation.
const CALENDAR_START: IsoDate = `${CALENDAR_FIRST_YEAR}-01-01`
const counts = (day: IsoDate) => (day < CALENDAR_START ? !isWeekend(day) : isWorkingDay(day))

/** addWorkingDays, counting weekdays only for any part before the stored calendar. */
function addWorkingDaysFrom(start: IsoDate, amount: number): IsoDate {
  let day = start
  let left = amount
  while (left > 0 && day < CALENDAR_START) {
    day = addCalendarDays(day, 1)
    if (counts(day)) left--
  }
  return left === 0 ? day : addWorkingDays(day, left)
}

/** workingDaysBetween, counting weekdays only for any part before the stored calendar. */
function workingDaysFrom(from: IsoDate, to: IsoDate): number {
  if (from >= CALENDAR_START && to >= CALENDAR_START) return workingDaysBetween(from, to)
  if (from > to) return 0 - workingDaysFrom(to, from) || 0
  let count = 0
  let day = from
  while (day < CALENDAR_START && day < to) {
    day = addCalendarDays(day, 1)
    if (counts(day)) count++
  }
  return day < to ? count + workingDaysBetween(day, to) : count
}

/** The date by which something is due: `amount` units after `start` (see working-days.ts for counting). */
export function dueDate(start: IsoDate, amount: number, unit: Unit): IsoDate {
  switch (unit) {
    case 'working-days':
      return addWorkingDaysFrom(start, amount)
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
  return workingDaysFrom(due, asAt)
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
