// Calendar-date arithmetic on ISO 'YYYY-MM-DD' strings. Dates are civil dates with no time zone, so
// all arithmetic is on whole days since 1970-01-01 (a "day number"), never on Date objects in local time.

export type IsoDate = string

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export interface CivilDate {
  year: number
  month: number // 1-12
  day: number // 1-31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

export function parseIsoDate(date: IsoDate): CivilDate {
  if (!isIsoDate(date)) throw new RangeError(`Invalid ISO date ${JSON.stringify(date)}: expected YYYY-MM-DD`)
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) }
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  if (!Number.isInteger(year) || year < 0 || year > 9999)
    throw new RangeError(`Year ${year} is outside 0000-9999`)
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Invalid month ${month}`)
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Invalid day ${day} for ${year}-${month}`)
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

// Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar, and free of the
// Date.UTC quirk that maps years 0-99 to 1900-1999.
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date)
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isSafeInteger(dayNumber)) throw new RangeError(`Invalid day number ${dayNumber}`)
  const z = dayNumber + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return formatIsoDate(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
}

/** 0 = Sunday ... 6 = Saturday, as Date#getUTCDay. */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7
}

export function isWeekend(date: IsoDate): boolean {
  const dow = dayOfWeek(date)
  return dow === 0 || dow === 6
}

/** date + n calendar days (n may be negative). */
export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Day count must be an integer, got ${n}`)
  return fromDayNumber(toDayNumber(date) + n)
}

/**
 * date + n calendar months (n may be negative). The day is clamped to the end of the target month,
 * so 2024-01-31 + 1 month = 2024-02-29 and 2025-01-31 + 1 month = 2025-02-28.
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Month count must be an integer, got ${n}`)
  const { year, month, day } = parseIsoDate(date)
  const index = year * 12 + (month - 1) + n
  const targetYear = Math.floor(index / 12)
  const targetMonth = index - targetYear * 12 + 1
  return formatIsoDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)))
}

/** Calendar days from `from` to `to` (negative if to < from). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from)
}
