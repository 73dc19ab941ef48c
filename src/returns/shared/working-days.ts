import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, isWorkingDay } from '../../domain/calendar/working-days.ts'
import { addDays, type IsoDate, isWeekend } from './dates.ts'

/**
 * Hearth's one working-day calendar (src/domain/calendar). A census file may hold dates outside the years
 * it covers (typing errors like 1900): there only weekends count, which is all a validator can know.
 */
export function isEnglandWorkingDay(date: IsoDate): boolean {
  const year = Number(date.slice(0, 4))
  if (year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR) return !isWeekend(date)
  return isWorkingDay(date)
}

/**
 * Moves `count` working days from `date`, first rolling a non-working day forward or backward, as
 * numpy's busday_offset does.
 */
export function workingDayOffset(date: IsoDate, count: number, roll: 'forward' | 'backward'): IsoDate {
  let d = date
  const rollStep = roll === 'forward' ? 1 : -1
  while (!isEnglandWorkingDay(d)) d = addDays(d, rollStep)
  const step = count >= 0 ? 1 : -1
  for (let left = Math.abs(count); left > 0; ) {
    d = addDays(d, step)
    if (isEnglandWorkingDay(d)) left--
  }
  return d
}

/**
 * `date - england_working_days(n)` in the CIN validator: pandas CustomBusinessDay(n - 1) subtracted,
 * which rolls a non-working day forward and then steps back n - 1 working days. So n = 1 gives the
 * date itself (or the next working day), and n = 45 gives the 45th working day counting the date.
 */
export function workingDaysBefore(date: IsoDate, n: number): IsoDate {
  // Rules ask this once per row with the same arguments; remember the answers.
  const key = `${date}|${n}`
  let result = cache.get(key)
  if (result === undefined) {
    result = workingDayOffset(date, -(n - 1), 'forward')
    cache.set(key, result)
  }
  return result
}

const cache = new Map<string, IsoDate>()
