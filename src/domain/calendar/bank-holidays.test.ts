import { describe, expect, it } from 'vitest'
import { computeBankHolidays, easterSunday, regularBankHolidays } from './bank-holiday-rules.ts'
import calendar from './bank-holidays.json' with { type: 'json' }
import { dayOfWeek, isIsoDate } from './iso-date.ts'

const dates = new Set(calendar.dates.map((d) => d.date))

describe('bank-holidays.json', () => {
  it('is the England and Wales division with a source and generation date', () => {
    expect(calendar.division).toBe('england-and-wales')
    expect(calendar.source.length).toBeGreaterThan(0)
    expect(isIsoDate(calendar.generated)).toBe(true)
  })

  it('covers every year 2012-2035 with at least 8 holidays, all on weekdays, sorted and unique', () => {
    for (let year = 2012; year <= 2035; year++) {
      const inYear = calendar.dates.filter((d) => d.date.startsWith(`${year}-`))
      expect(inYear.length, `year ${year}`).toBeGreaterThanOrEqual(8)
    }
    const all = calendar.dates.map((d) => d.date)
    expect(all).toEqual([...new Set(all)].sort())
    for (const { date, title } of calendar.dates) {
      expect(isIsoDate(date)).toBe(true)
      expect(title.length).toBeGreaterThan(0)
      expect([0, 6]).not.toContain(dayOfWeek(date))
    }
  })

  it.each([
    ['2025-04-18', 'Good Friday'],
    ['2025-04-21', 'Easter Monday'],
    ['2025-05-05', 'Early May bank holiday'],
    ['2025-05-26', 'Spring bank holiday'],
    ['2025-08-25', 'Summer bank holiday'],
    ['2026-04-03', 'Good Friday'],
    ['2026-08-31', 'Summer bank holiday'],
    ['2026-12-28', 'Boxing Day (substitute day)'],
    ['2027-12-27', 'Christmas Day (substitute day)'],
    ['2027-12-28', 'Boxing Day (substitute day)'],
    ['2028-01-03', 'New Year’s Day (substitute day)'],
    ['2022-12-26', 'Boxing Day'],
    ['2022-12-27', 'Christmas Day (substitute day)'],
  ])('has %s (%s)', (date, title) => {
    expect(calendar.dates).toContainEqual({ date, title })
  })

  it('has the proclaimed one-off days and not the regular days they replaced', () => {
    for (const d of [
      '2012-06-04',
      '2012-06-05',
      '2020-05-08',
      '2022-06-02',
      '2022-06-03',
      '2022-09-19',
      '2023-05-08',
    ]) {
      expect(dates.has(d), d).toBe(true)
    }
    for (const d of ['2012-05-28', '2020-05-04', '2022-05-30']) expect(dates.has(d), d).toBe(false)
  })

  it('matches the published 2025-2028 lists', () => {
    const published = [
      '2025-01-01 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-08-25 2025-12-25 2025-12-26',
      '2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28',
      '2027-01-01 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-08-30 2027-12-27 2027-12-28',
      '2028-01-03 2028-04-14 2028-04-17 2028-05-01 2028-05-29 2028-08-28 2028-12-25 2028-12-26',
    ]
    for (const line of published) {
      const year = line.slice(0, 4)
      expect(calendar.dates.filter((d) => d.date.startsWith(year)).map((d) => d.date)).toEqual(
        line.split(' '),
      )
    }
  })

  it('is exactly what the rules produce (regenerate with scripts/refresh-bank-holidays.ts if not)', () => {
    for (let year = 2012; year <= 2035; year++) {
      const fromFile = calendar.dates.filter((d) => d.date.startsWith(`${year}-`)).map((d) => d.date)
      expect(fromFile, `year ${year}`).toEqual(computeBankHolidays(year).map((d) => d.date))
    }
  })
})

describe('bank-holiday rules', () => {
  it.each([
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('Easter %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date)
  })

  it('always gives 8 regular weekday holidays with substitutes for weekend Christmas/New Year', () => {
    for (let year = 1990; year <= 2100; year++) {
      const holidays = regularBankHolidays(year)
      expect(holidays).toHaveLength(8)
      for (const h of holidays) expect([0, 6]).not.toContain(dayOfWeek(h.date))
      expect(new Set(holidays.map((h) => h.date)).size).toBe(8)
    }
  })

  it('places Christmas substitutes like gov.uk', () => {
    const end = (year: number) => regularBankHolidays(year).slice(-2)
    expect(end(2021)).toEqual([
      { date: '2021-12-27', title: 'Christmas Day (substitute day)' },
      { date: '2021-12-28', title: 'Boxing Day (substitute day)' },
    ])
    expect(end(2022)).toEqual([
      { date: '2022-12-26', title: 'Boxing Day' },
      { date: '2022-12-27', title: 'Christmas Day (substitute day)' },
    ])
    expect(end(2026)).toEqual([
      { date: '2026-12-25', title: 'Christmas Day' },
      { date: '2026-12-28', title: 'Boxing Day (substitute day)' },
    ])
  })
})
