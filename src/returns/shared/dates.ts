// Calendar dates as ISO 'YYYY-MM-DD' strings. They sort and compare as strings, which keeps the
// return checkers free of Date objects and time zones.

export type IsoDate = string

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]*(?:Z|[+-]\d{2}:?\d{2})?)?$/
const UK = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function build(year: number, month: number, day: number): IsoDate | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}

/**
 * Reads a date as written in a return file: ISO (XSD xs:date, optionally with a time part) or
 * DD/MM/YYYY. Anything else, including impossible dates, gives null, as the validator's
 * `pd.to_datetime(errors="coerce")` does.
 */
export function parseDate(raw: string | null | undefined): IsoDate | null {
  if (raw === null || raw === undefined) return null
  const text = raw.trim()
  const iso = ISO.exec(text)
  if (iso) return build(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const uk = UK.exec(text)
  if (uk) return build(Number(uk[3]), Number(uk[2]), Number(uk[1]))
  return null
}

function toUtc(date: IsoDate): Date {
  return new Date(`${date.slice(0, 10)}T00:00:00Z`)
}

function fromUtc(d: Date): IsoDate {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = toUtc(date)
  d.setUTCDate(d.getUTCDate() + days)
  return fromUtc(d)
}

/** Calendar months, clamping to the month end like pandas' DateOffset(months=n): 31 Mar + 9 months = 31 Dec. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  const day = Number(date.slice(8, 10))
  const total = year * 12 + (month - 1) + months
  const y = Math.floor(total / 12)
  const m = (total % 12) + 1
  return build(y, m, Math.min(day, daysInMonth(y, m))) as IsoDate
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12)
}

/** 0 = Monday ... 6 = Sunday, as Python's date.weekday(). */
export function weekday(date: IsoDate): number {
  return (toUtc(date).getUTCDay() + 6) % 7
}

export function isWeekend(date: IsoDate): boolean {
  return weekday(date) >= 5
}

// Comparisons treat a missing date as "not comparable" (false), like NaT in pandas.
export const lt = (a: IsoDate | null, b: IsoDate | null): boolean => a !== null && b !== null && a < b
export const le = (a: IsoDate | null, b: IsoDate | null): boolean => a !== null && b !== null && a <= b
export const gt = (a: IsoDate | null, b: IsoDate | null): boolean => a !== null && b !== null && a > b
export const ge = (a: IsoDate | null, b: IsoDate | null): boolean => a !== null && b !== null && a >= b
export const same = (a: IsoDate | null, b: IsoDate | null): boolean => a !== null && b !== null && a === b

/** True when the date is present and falls outside start..end (both inclusive). */
export function outside(date: IsoDate | null, start: IsoDate, end: IsoDate): boolean {
  return date !== null && (date < start || date > end)
}
