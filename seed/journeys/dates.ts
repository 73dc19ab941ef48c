// Day arithmetic for the generator on whole day numbers (days since 1970-01-01), which is much cheaper
// than parsing ISO strings for each of the millions of dates a large authority needs. Working days use the
// stored England and Wales calendar (src/domain/calendar), tabulated once for the seeded years.

import { fromDayNumber, toDayNumber } from '../../src/domain/calendar/iso-date.ts'
import { isWorkingDay } from '../../src/domain/calendar/working-days.ts'

export type Day = number

/** Data are generated as they would stand at the end of this day, whatever the day the seed runs. */
export const SEED_REFERENCE_DATE = '2026-11-20'
/** The first day of the authority's recorded history. */
export const JOURNEY_START = '2020-04-01'

export const REF: Day = toDayNumber(SEED_REFERENCE_DATE)
export const START: Day = toDayNumber(JOURNEY_START)

// Dates of birth reach back ~60 years (grandparents aside); working days are only needed near the window.
const FIRST: Day = toDayNumber('1950-01-01')
const LAST: Day = toDayNumber('2031-12-31')
const WD_FIRST: Day = toDayNumber('2019-01-01')
const WD_LAST: Day = toDayNumber('2030-12-31')

const isoCache: string[] = []
for (let d = FIRST; d <= LAST; d++) isoCache.push(fromDayNumber(d))

// cumulative[i] = working days in [WD_FIRST, WD_FIRST + i]
const cumulative = new Int32Array(WD_LAST - WD_FIRST + 1)
{
  let n = 0
  for (let i = 0; i < cumulative.length; i++) {
    if (isWorkingDay(isoCache[WD_FIRST + i - FIRST]!)) n++
    cumulative[i] = n
  }
}

export function iso(day: Day): string {
  const s = isoCache[day - FIRST]
  if (s === undefined) return fromDayNumber(day)
  return s
}

export function dayOf(date: string): Day {
  return toDayNumber(date)
}

/** An ISO timestamp at a time of day (UTC) given in minutes after midnight. */
export function at(day: Day, minutes: number): string {
  const m = Math.max(0, Math.min(1439, Math.round(minutes)))
  const hh = Math.floor(m / 60)
  const mm = m % 60
  return `${iso(day)}T${hh < 10 ? '0' : ''}${hh}:${mm < 10 ? '0' : ''}${mm}:00.000Z`
}

function countAt(day: Day): number {
  const i = day - WD_FIRST
  if (i < 0 || i >= cumulative.length) throw new RangeError(`${iso(day)} is outside the generator's calendar`)
  return cumulative[i]!
}

export function isWd(day: Day): boolean {
  return countAt(day) !== countAt(day - 1)
}

/** The n-th working day after `day` (day 1 is the first working day after it); n = 0 is `day` itself. */
export function addWd(day: Day, n: number): Day {
  let d = day
  let left = Math.round(n)
  while (left > 0) {
    d++
    if (isWd(d)) left--
  }
  return d
}

/** Working days after `from` up to and including `to` (negative when to < from). */
export function wdBetween(from: Day, to: Day): number {
  return countAt(to) - countAt(from)
}

/** `day` if it is a working day, otherwise the next working day. */
export function nextWd(day: Day): Day {
  let d = day
  while (!isWd(d)) d++
  return d
}

const YEAR = 365.25

/** Whole years of age on `day` for a date of birth (both day numbers). */
export function ageOn(dob: Day, day: Day): number {
  const a = iso(dob)
  const b = iso(day)
  const years = Number(b.slice(0, 4)) - Number(a.slice(0, 4))
  return b.slice(5) < a.slice(5) ? years - 1 : years
}

/** The day a person born on `dob` turns `years` old (29 February birthdays turn on 1 March). */
export function birthday(dob: Day, years: number): Day {
  const a = iso(dob)
  const y = Number(a.slice(0, 4)) + years
  const md = a.slice(5)
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  return toDayNumber(`${y}-${md === '02-29' && !leap ? '03-01' : md}`)
}

/** The year a child starts school, and is given a UPN: the September after the fourth birthday. */
export function schoolStartYear(dob: Day): number {
  const date = iso(dob)
  return Number(date.slice(0, 4)) + (date.slice(5) >= '09' ? 5 : 4)
}

export function yearsToDays(years: number): number {
  return Math.round(years * YEAR)
}

/** Calendar months as days, for durations (a month is 30.44 days). */
export function monthsToDays(months: number): number {
  return Math.round(months * 30.44)
}

/** The working day n working days before `day` (n >= 0). */
export function subWd(day: Day, n: number): Day {
  let d = day
  let left = Math.round(n)
  while (left > 0) {
    d--
    if (isWd(d)) left--
  }
  return d
}

/** The first year of the census year (1 April to 31 March) holding `day`: 2025 for 2025-04-01 to 2026-03-31. */
export function censusYear(day: Day): number {
  const s = iso(day)
  const year = Number(s.slice(0, 4))
  return s.slice(5) >= '04-01' ? year : year - 1
}
