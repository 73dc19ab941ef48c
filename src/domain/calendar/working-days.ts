// Working days in England and Wales: any day other than Saturday, Sunday, Christmas Day, Good Friday or
// a bank holiday under the Banking and Financial Dealings Act 1971 (Christmas Day and Good Friday are in
// the bank-holiday table too). The table is static (bank-holidays.json, built by
// scripts/refresh-bank-holidays.ts); there is no network access at run time.
//
// Counting convention. Statutory guidance says e.g. an assessment concludes "within 45 working days
// from the point of referral". Hearth reads that as: the referral date is day 0, and day 1 is the first
// working day AFTER it. So addWorkingDays('2025-12-19', 1) is 2025-12-22, and a referral made on a
// weekend or bank holiday gets the same deadline as one made on the working day before it (the clock
// effectively starts at the next working day either way).
// The DfE-aligned CIN validator instead counts the start date as day 1 (pandas CustomBusinessDay(n - 1)),
// which gives a deadline one working day earlier when the start date is a working day; use
// nthWorkingDayFrom() where that convention is needed, e.g. to reproduce census validation.

import calendar from './bank-holidays.json' with { type: 'json' }
import { fromDayNumber, type IsoDate, parseIsoDate, toDayNumber } from './iso-date.ts'

export type { IsoDate } from './iso-date.ts'
export { addCalendarDays, addMonths, calendarDaysBetween, isIsoDate } from './iso-date.ts'

const holidayTitles = new Map<IsoDate, string>(calendar.dates.map((d) => [d.date, d.title]))
const years = calendar.dates.map((d) => Number(d.date.slice(0, 4)))

/** First and last calendar years that the bank-holiday table covers (inclusive). */
export const CALENDAR_FIRST_YEAR = Math.min(...years)
export const CALENDAR_LAST_YEAR = Math.max(...years)

// Records can be older than the bank-holiday table (a care leaver who came into care in 2005, say). Before
// the table, the bank holidays are not known, so working days there are counted as weekdays: an old record's
// deadlines come out a day or two early at worst, instead of stopping the page or the evaluation.
/** First year working days can be counted in (weekdays only until CALENDAR_FIRST_YEAR). */
export const WEEKDAYS_FROM_YEAR = 1990
const firstDay = toDayNumber(`${WEEKDAYS_FROM_YEAR}-01-01`)
const lastDay = toDayNumber(`${CALENDAR_LAST_YEAR}-12-31`)

// cumulative[i] = working days in [firstDay, firstDay + i]. Makes counting O(1) and adding O(log n).
const cumulative = new Int32Array(lastDay - firstDay + 1)
{
  let count = 0
  for (let i = 0; i < cumulative.length; i++) {
    const day = firstDay + i
    const dow = (((day + 4) % 7) + 7) % 7 // 1970-01-01 was a Thursday
    if (dow !== 0 && dow !== 6 && !holidayTitles.has(fromDayNumber(day))) count++
    cumulative[i] = count
  }
}

function indexOf(date: IsoDate): number {
  const { year } = parseIsoDate(date)
  if (year < WEEKDAYS_FROM_YEAR || year > CALENDAR_LAST_YEAR) {
    throw new RangeError(
      `${date} is outside the working-day calendar (${WEEKDAYS_FROM_YEAR}-${CALENDAR_LAST_YEAR}); refresh bank-holidays.json`,
    )
  }
  return toDayNumber(date) - firstDay
}

function countAt(index: number): number {
  return index < 0 ? 0 : cumulative[index]!
}

export function isWorkingDay(date: IsoDate): boolean {
  const i = indexOf(date)
  return countAt(i) !== countAt(i - 1)
}

/** The bank holiday's title if `date` is an England and Wales bank holiday, otherwise undefined. */
export function bankHolidayOn(date: IsoDate): string | undefined {
  if (parseIsoDate(date).year < CALENDAR_FIRST_YEAR)
    throw new RangeError(`${date} is before the bank-holiday table (${CALENDAR_FIRST_YEAR})`)
  indexOf(date)
  return holidayTitles.get(date)
}

/**
 * The n-th working day after `date` (n >= 0); day 1 is the first working day after `date`, whether or
 * not `date` is itself a working day. n = 0 returns `date` unchanged.
 * Throws RangeError if the answer would fall outside the calendar.
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`Working-day count must be a whole number >= 0, got ${n}`)
  const start = indexOf(date)
  if (n === 0) return date
  const target = countAt(start) + n
  if (target > cumulative[cumulative.length - 1]!) {
    throw new RangeError(
      `${n} working days after ${date} is beyond the working-day calendar (ends ${CALENDAR_LAST_YEAR}-12-31)`,
    )
  }
  // The first index whose running count reaches the target is that working day.
  let lo = start + 1
  let hi = cumulative.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (cumulative[mid]! >= target) hi = mid
    else lo = mid + 1
  }
  return fromDayNumber(firstDay + lo)
}

/**
 * Working days after `from` up to and including `to`; negative (minus the working days after `to` up to
 * and including `from`) when to < from. For any n >= 0, workingDaysBetween(d, addWorkingDays(d, n)) === n.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  return countAt(indexOf(to)) - countAt(indexOf(from))
}

/**
 * The n-th working day counting `date` itself as day 1 when it is a working day (n >= 1); if `date` is
 * not a working day, day 1 is the next working day. This is the CIN validator's convention; Hearth's
 * own timescales use addWorkingDays (see the note at the top of this file).
 */
export function nthWorkingDayFrom(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`Working-day ordinal must be a whole number >= 1, got ${n}`)
  return addWorkingDays(date, isWorkingDay(date) ? n - 1 : n)
}
