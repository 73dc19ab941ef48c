import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import calendar from './bank-holidays.json' with { type: 'json' }
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  bankHolidayOn,
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  isWorkingDay,
  nthWorkingDayFrom,
  workingDaysBetween,
} from './working-days.ts'

// Reference implementation: one Date step at a time, independent of the module's day numbers and index.
const holidays = new Set(calendar.dates.map((d) => d.date))
const DAY_MS = 86_400_000
const toMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`)
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10)
function refIsWorking(iso: string): boolean {
  const dow = new Date(toMs(iso)).getUTCDay()
  return dow !== 0 && dow !== 6 && !holidays.has(iso)
}
function refAddWorkingDays(iso: string, n: number): string {
  let ms = toMs(iso)
  let left = n
  while (left > 0) {
    ms += DAY_MS
    if (refIsWorking(fromMs(ms))) left--
  }
  return fromMs(ms)
}
function refBetween(from: string, to: string): number {
  const [a, b, sign] = from <= to ? [from, to, 1] : [to, from, -1]
  let count = 0
  for (let ms = toMs(a) + DAY_MS; ms <= toMs(b); ms += DAY_MS) if (refIsWorking(fromMs(ms))) count++
  return count === 0 ? 0 : sign * count
}

const dateIn = (from: string, to: string) =>
  fc
    .date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10))
// Dates 2014-2034; starts for additions stop at 2033 so up to 400 working days stays inside the calendar.
const isoDate = dateIn('2014-01-01', '2034-12-31')
const startDate = dateIn('2014-01-01', '2033-12-31')
const inRange = (iso: string) => iso >= '2014-01-01' && iso <= '2034-12-31'

describe('isWorkingDay', () => {
  it.each([
    ['2025-12-24', true], // Christmas Eve is a working day
    ['2025-12-25', false],
    ['2025-12-26', false],
    ['2025-12-27', false], // Saturday
    ['2025-12-29', true],
    ['2025-04-18', false], // Good Friday
    ['2025-04-19', false], // Easter Saturday (weekend)
    ['2025-04-21', false], // Easter Monday
    ['2025-04-22', true],
    ['2026-12-28', false], // Boxing Day substitute
    ['2026-12-29', true],
    ['2027-12-27', false], // Christmas substitute
    ['2027-12-28', false], // Boxing Day substitute
    ['2028-01-03', false], // New Year's Day substitute
    ['2022-09-19', false], // State Funeral
    ['2023-05-08', false], // Coronation
    ['2020-05-04', true], // Early May moved to the 8th that year
    ['2020-05-08', false],
  ])('%s -> %s', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected)
  })

  it('names bank holidays', () => {
    expect(bankHolidayOn('2026-12-28')).toBe('Boxing Day (substitute day)')
    expect(bankHolidayOn('2026-12-29')).toBeUndefined()
  })

  it('agrees with the reference for every day of the calendar', () => {
    for (
      let ms = toMs(`${CALENDAR_FIRST_YEAR}-01-01`);
      ms <= toMs(`${CALENDAR_LAST_YEAR}-12-31`);
      ms += DAY_MS
    ) {
      const iso = fromMs(ms)
      if (isWorkingDay(iso) !== refIsWorking(iso)) throw new Error(`mismatch on ${iso}`)
    }
  })
})

describe('addWorkingDays (day 1 = first working day after the date)', () => {
  it.each([
    // Christmas 2025: Thu 25 and Fri 26 are holidays
    ['2025-12-23', 1, '2025-12-24'],
    ['2025-12-24', 1, '2025-12-29'],
    ['2025-12-24', 3, '2025-12-31'],
    ['2025-12-31', 1, '2026-01-02'], // New Year's Day 2026 is a Thursday
    // Easter 2025: Good Friday 18 April, Easter Monday 21 April
    ['2025-04-17', 1, '2025-04-22'],
    ['2025-04-18', 1, '2025-04-22'], // start on a bank holiday
    ['2025-04-19', 1, '2025-04-22'], // start on a weekend
    // Easter 2026: Good Friday 3 April, Easter Monday 6 April
    ['2026-04-02', 1, '2026-04-07'],
    // Christmas 2026: Boxing Day is a Saturday, substitute Monday 28th
    ['2026-12-24', 1, '2026-12-29'],
    // Christmas 2027: both substitutes, Mon 27 and Tue 28
    ['2027-12-24', 1, '2027-12-29'],
    ['2027-12-24', 3, '2027-12-31'],
    ['2027-12-31', 1, '2028-01-04'], // New Year's Day 2028 substitute Mon 3rd
    ['2025-06-02', 0, '2025-06-02'],
    ['2025-06-07', 0, '2025-06-07'], // n = 0 returns the date even if not a working day
  ])('%s + %i working days = %s', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected)
  })

  it('gives 45-working-day assessment deadlines across holidays', () => {
    // Referral Mon 1 Dec 2025: 20 working days left in December (25th and 26th off), 21 in January
    // (1st off), so day 45 is the 4th working day of February.
    expect(addWorkingDays('2025-12-01', 45)).toBe('2026-02-05')
    // Referral Wed 1 April 2026: 19 in April (Easter 3rd and 6th off), 19 in May (4th and 25th off)
    expect(addWorkingDays('2026-04-01', 45)).toBe('2026-06-09')
    // Weekend referral: same deadline as the Friday before
    expect(addWorkingDays('2026-03-28', 45)).toBe(addWorkingDays('2026-03-27', 45))
    expect(workingDaysBetween('2025-12-01', '2026-02-05')).toBe(45)
  })

  it('rejects negative or fractional counts', () => {
    expect(() => addWorkingDays('2025-01-01', -1)).toThrow(RangeError)
    expect(() => addWorkingDays('2025-01-01', 1.5)).toThrow(RangeError)
  })

  it('counts weekdays before the bank-holiday table, whose holidays are not known', () => {
    // Friday 30 December 2011 + 1 is Monday 2 January 2012 (a bank holiday in the table), so Tuesday.
    expect(addWorkingDays('2011-12-30', 1)).toBe('2012-01-03')
    // 2011-12-26 and 27 were bank holidays, but are before the table: counted as weekdays.
    expect(addWorkingDays('2011-12-23', 2)).toBe('2011-12-27')
    expect(workingDaysBetween('2005-01-03', '2005-01-10')).toBe(5)
    expect(isWorkingDay('2011-12-26')).toBe(true)
    expect(() => bankHolidayOn('2011-12-26')).toThrow(/before the bank-holiday table/)
  })

  it('throws RangeError outside the calendar', () => {
    expect(() => addWorkingDays('1989-12-30', 1)).toThrow(RangeError)
    expect(() => addWorkingDays('2036-01-02', 0)).toThrow(RangeError)
    expect(() => addWorkingDays('2035-12-20', 30)).toThrow(/beyond the working-day calendar/)
    expect(() => isWorkingDay('2036-01-01')).toThrow(/outside the working-day calendar/)
    expect(() => workingDaysBetween('1989-12-31', '2012-01-03')).toThrow(RangeError)
  })

  it('throws RangeError on malformed dates', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '25-01-01', '2025-1-1', '2025-01-01T00:00:00Z', '']) {
      expect(() => isWorkingDay(bad)).toThrow(RangeError)
    }
  })

  it('reaches the last working day of the calendar and no further', () => {
    expect(addWorkingDays('2035-12-28', 1)).toBe('2035-12-31') // Fri 28th to Mon 31st
    expect(() => addWorkingDays('2035-12-28', 2)).toThrow(RangeError)
    expect(addWorkingDays('2012-01-01', 1)).toBe('2012-01-03') // first day of the calendar; 2nd is a substitute
  })
})

describe('workingDaysBetween', () => {
  it.each([
    ['2025-12-24', '2025-12-29', 1],
    ['2025-12-29', '2025-12-24', -1],
    ['2025-12-27', '2025-12-28', 0],
    ['2026-12-24', '2026-12-31', 3],
    ['2027-12-24', '2027-12-31', 3],
    ['2025-01-01', '2025-12-31', 253], // 261 weekdays less 8 bank holidays
    ['2025-06-02', '2025-06-02', 0],
  ])('%s to %s = %i', (from, to, expected) => {
    expect(workingDaysBetween(from, to)).toBe(expected)
  })
})

describe('nthWorkingDayFrom (CIN validator convention: start date is day 1)', () => {
  it('is one working day earlier than addWorkingDays from a working day', () => {
    expect(nthWorkingDayFrom('2025-12-01', 45)).toBe('2026-02-04')
    expect(nthWorkingDayFrom('2025-12-01', 1)).toBe('2025-12-01')
  })

  it('starts at the next working day from a non-working day', () => {
    expect(nthWorkingDayFrom('2025-12-25', 1)).toBe('2025-12-29')
    expect(nthWorkingDayFrom('2025-12-25', 45)).toBe(addWorkingDays('2025-12-25', 45))
    expect(() => nthWorkingDayFrom('2025-12-01', 0)).toThrow(RangeError)
  })
})

describe('properties against a day-by-day reference (2014-2034)', () => {
  it('addWorkingDays matches the reference', () => {
    fc.assert(
      fc.property(startDate, fc.integer({ min: 0, max: 400 }), (date, n) => {
        expect(addWorkingDays(date, n)).toBe(refAddWorkingDays(date, n))
      }),
      { numRuns: 2000 },
    )
  })

  it('workingDaysBetween matches the reference', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        fc.pre(Math.abs(toMs(a) - toMs(b)) <= 800 * DAY_MS)
        expect(workingDaysBetween(a, b)).toBe(refBetween(a, b))
      }),
      { numRuns: 1000 },
    )
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -400, max: 400 }), (a, offset) => {
        const b = addCalendarDays(a, offset)
        fc.pre(inRange(b))
        expect(workingDaysBetween(a, b)).toBe(refBetween(a, b))
      }),
      { numRuns: 2000 },
    )
  })

  it('round-trips: counting back the days added gives n, and the result is a working day', () => {
    fc.assert(
      fc.property(startDate, fc.integer({ min: 1, max: 400 }), (date, n) => {
        const end = addWorkingDays(date, n)
        expect(workingDaysBetween(date, end)).toBe(n)
        expect(isWorkingDay(end)).toBe(true)
        expect(end > date).toBe(true)
        // The day before the deadline is one working day short.
        expect(workingDaysBetween(date, addCalendarDays(end, -1))).toBe(n - 1)
      }),
      { numRuns: 2000 },
    )
  })

  it('round-trips from a working day: adding the count between two dates lands on the later date', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        fc.pre(a <= b && isWorkingDay(b))
        expect(addWorkingDays(a, workingDaysBetween(a, b))).toBe(b)
      }),
      { numRuns: 1000 },
    )
  })

  it('is additive and antisymmetric', () => {
    fc.assert(
      fc.property(isoDate, isoDate, isoDate, (a, b, c) => {
        expect(workingDaysBetween(a, b) + workingDaysBetween(b, c)).toBe(workingDaysBetween(a, c))
        expect(workingDaysBetween(b, a) + workingDaysBetween(a, b)).toBe(0)
      }),
    )
  })

  it('composes: adding m then n working days equals adding m + n', () => {
    fc.assert(
      fc.property(
        startDate,
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        (d, m, n) => {
          expect(addWorkingDays(addWorkingDays(d, m), n)).toBe(addWorkingDays(d, m + n))
        },
      ),
    )
  })
})

describe('addCalendarDays', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2025-01-01', 365, '2026-01-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['1900-02-28', 1, '1900-03-01'],
  ])('%s + %i = %s', (date, n, expected) => {
    expect(addCalendarDays(date, n)).toBe(expected)
  })

  it('agrees with Date arithmetic', () => {
    const wide = fc
      .date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2199-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10))
    fc.assert(
      fc.property(wide, fc.integer({ min: -20_000, max: 20_000 }), (date, n) => {
        expect(addCalendarDays(date, n)).toBe(fromMs(toMs(date) + n * DAY_MS))
      }),
    )
  })
})

describe('addMonths', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-03-31', 1, '2025-04-30'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-11-15', 3, '2026-02-15'],
    ['2025-01-15', -1, '2024-12-15'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2025-05-10', 0, '2025-05-10'],
  ])('%s + %i months = %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected)
  })

  it('never overflows into the following month and keeps the day where it exists', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -120, max: 120 }), (date, n) => {
        const result = addMonths(date, n)
        const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1
        expect(monthIndex(result) - monthIndex(date)).toBe(n)
        const day = Number(date.slice(8, 10))
        const resultDay = Number(result.slice(8, 10))
        expect(resultDay === day || (resultDay < day && addCalendarDays(result, 1).endsWith('-01'))).toBe(
          true,
        )
      }),
    )
  })

  it('rejects fractional counts', () => {
    expect(() => addMonths('2025-01-01', 0.5)).toThrow(RangeError)
  })
})
