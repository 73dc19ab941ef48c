// Rules for England and Wales bank holidays (Banking and Financial Dealings Act 1971, schedule 1, plus
// royal proclamations). Used only by scripts/refresh-bank-holidays.ts to build bank-holidays.json and
// by tests; the app reads the JSON, because one-off days are proclaimed and cannot be derived.

import { addCalendarDays, dayOfWeek, formatIsoDate, type IsoDate, isWeekend } from './iso-date.ts'

export interface BankHoliday {
  date: IsoDate
  title: string
}

export const DIVISION = 'england-and-wales'

/** Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return formatIsoDate(year, month, day)
}

function firstMonday(year: number, month: number): IsoDate {
  const first = formatIsoDate(year, month, 1)
  return addCalendarDays(first, (8 - dayOfWeek(first)) % 7)
}

function lastMonday(year: number, month: number): IsoDate {
  const next = month === 12 ? formatIsoDate(year + 1, 1, 1) : formatIsoDate(year, month + 1, 1)
  const last = addCalendarDays(next, -1)
  return addCalendarDays(last, -((dayOfWeek(last) + 6) % 7))
}

function nextWeekday(date: IsoDate): IsoDate {
  let d = date
  while (isWeekend(d)) d = addCalendarDays(d, 1)
  return d
}

/** The eight regular bank holidays of a year, with weekend substitutes, before any one-off changes. */
export function regularBankHolidays(year: number): BankHoliday[] {
  const easter = easterSunday(year)
  const newYear = formatIsoDate(year, 1, 1)
  const result: BankHoliday[] = [
    isWeekend(newYear)
      ? { date: nextWeekday(newYear), title: 'New Year’s Day (substitute day)' }
      : { date: newYear, title: 'New Year’s Day' },
    { date: addCalendarDays(easter, -2), title: 'Good Friday' },
    { date: addCalendarDays(easter, 1), title: 'Easter Monday' },
    { date: firstMonday(year, 5), title: 'Early May bank holiday' },
    { date: lastMonday(year, 5), title: 'Spring bank holiday' },
    { date: lastMonday(year, 8), title: 'Summer bank holiday' },
  ]
  // Weekday Christmas/Boxing Days keep their date; weekend ones take the next free weekday, Christmas
  // first. So Sunday Christmas gives Boxing Day on Mon 26th and Christmas substitute on Tue 27th.
  const christmas = formatIsoDate(year, 12, 25)
  const boxing = formatIsoDate(year, 12, 26)
  const taken = new Set([christmas, boxing].filter((d) => !isWeekend(d)))
  const end: BankHoliday[] = []
  for (const [date, title] of [
    [christmas, 'Christmas Day'],
    [boxing, 'Boxing Day'],
  ] as const) {
    if (!isWeekend(date)) {
      end.push({ date, title })
      continue
    }
    let d = nextWeekday(date)
    while (taken.has(d)) d = nextWeekday(addCalendarDays(d, 1))
    taken.add(d)
    end.push({ date: d, title: `${title} (substitute day)` })
  }
  return [...result, ...end.sort((a, b) => a.date.localeCompare(b.date))]
}

export interface OneOffChange {
  /** Regular dates that were moved away (the replacement is listed in `add`). */
  remove: IsoDate[]
  add: BankHoliday[]
}

// Proclaimed changes in England and Wales. Add new ones here when announced, then rerun the script.
export const ONE_OFF_CHANGES: Readonly<Record<number, OneOffChange>> = {
  2012: {
    remove: ['2012-05-28'],
    add: [
      { date: '2012-06-04', title: 'Spring bank holiday' },
      { date: '2012-06-05', title: 'Queen’s Diamond Jubilee' },
    ],
  },
  2020: {
    remove: ['2020-05-04'],
    add: [{ date: '2020-05-08', title: 'Early May bank holiday (VE day)' }],
  },
  2022: {
    remove: ['2022-05-30'],
    add: [
      { date: '2022-06-02', title: 'Spring bank holiday' },
      { date: '2022-06-03', title: 'Platinum Jubilee bank holiday' },
      { date: '2022-09-19', title: 'Bank Holiday for the State Funeral of Queen Elizabeth II' },
    ],
  },
  2023: {
    remove: [],
    add: [{ date: '2023-05-08', title: 'Bank holiday for the coronation of King Charles III' }],
  },
}

/** Regular bank holidays plus the known one-off changes for the year, sorted by date. */
export function computeBankHolidays(year: number): BankHoliday[] {
  const change = ONE_OFF_CHANGES[year]
  const regular = regularBankHolidays(year)
  if (!change) return regular
  for (const date of change.remove) {
    if (!regular.some((h) => h.date === date))
      throw new Error(`One-off change removes ${date}, not a bank holiday`)
  }
  return [...regular.filter((h) => !change.remove.includes(h.date)), ...change.add].sort((a, b) =>
    a.date.localeCompare(b.date),
  )
}
