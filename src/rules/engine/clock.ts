import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  calendarDaysBetween,
  type IsoDate,
  workingDaysBetween,
} from '../../domain/calendar/working-days.ts'
import type { Unit } from './types.ts'

/** The date by which something is due: `amount` units after `start` (see working-days.ts for counting). */
export function dueDate(start: IsoDate, amount: number, unit: Unit): IsoDate {
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
