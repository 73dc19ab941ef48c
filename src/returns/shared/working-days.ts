import { addDays, type IsoDate, isWeekend } from './dates.ts'

// England and Wales bank holidays (gov.uk). The CIN validator's own list only covers 2022-2025;
// the wider range keeps working-day rules right for the years either side.
const BANK_HOLIDAYS: ReadonlySet<IsoDate> = new Set([
  '2018-01-01',
  '2018-03-30',
  '2018-04-02',
  '2018-05-07',
  '2018-05-28',
  '2018-08-27',
  '2018-12-25',
  '2018-12-26',
  '2019-01-01',
  '2019-04-19',
  '2019-04-22',
  '2019-05-06',
  '2019-05-27',
  '2019-08-26',
  '2019-12-25',
  '2019-12-26',
  '2020-01-01',
  '2020-04-10',
  '2020-04-13',
  '2020-05-08',
  '2020-05-25',
  '2020-08-31',
  '2020-12-25',
  '2020-12-28',
  '2021-01-01',
  '2021-04-02',
  '2021-04-05',
  '2021-05-03',
  '2021-05-31',
  '2021-08-30',
  '2021-12-27',
  '2021-12-28',
  '2022-01-03',
  '2022-04-15',
  '2022-04-18',
  '2022-05-02',
  '2022-06-02',
  '2022-06-03',
  '2022-08-29',
  '2022-09-19',
  '2022-12-26',
  '2022-12-27',
  '2023-01-02',
  '2023-04-07',
  '2023-04-10',
  '2023-05-01',
  '2023-05-08',
  '2023-05-29',
  '2023-08-28',
  '2023-12-25',
  '2023-12-26',
  '2024-01-01',
  '2024-03-29',
  '2024-04-01',
  '2024-05-06',
  '2024-05-27',
  '2024-08-26',
  '2024-12-25',
  '2024-12-26',
  '2025-01-01',
  '2025-04-18',
  '2025-04-21',
  '2025-05-05',
  '2025-05-26',
  '2025-08-25',
  '2025-12-25',
  '2025-12-26',
  '2026-01-01',
  '2026-04-03',
  '2026-04-06',
  '2026-05-04',
  '2026-05-25',
  '2026-08-31',
  '2026-12-25',
  '2026-12-28',
  '2027-01-01',
  '2027-03-26',
  '2027-03-29',
  '2027-05-03',
  '2027-05-31',
  '2027-08-30',
  '2027-12-27',
  '2027-12-28',
  '2028-01-03',
  '2028-04-14',
  '2028-04-17',
  '2028-05-01',
  '2028-05-29',
  '2028-08-28',
  '2028-12-25',
  '2028-12-26',
])

export function isEnglandWorkingDay(date: IsoDate): boolean {
  return !isWeekend(date) && !BANK_HOLIDAYS.has(date)
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
