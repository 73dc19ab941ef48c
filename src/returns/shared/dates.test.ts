import { describe, expect, it } from 'vitest'
import { addDays, addMonths, addYears, isWeekend, lt, outside, parseDate, weekday } from './dates.ts'

describe('return dates', () => {
  it('reads ISO and UK dates and rejects the rest', () => {
    expect(parseDate('2024-02-29')).toBe('2024-02-29')
    expect(parseDate(' 2024-2-9T10:00:00Z ')).toBe('2024-02-09')
    expect(parseDate('09/02/2024')).toBe('2024-02-09')
    for (const bad of ['2023-02-29', '2024-13-01', '31-03-2024', 'soon', '', null, undefined])
      expect(parseDate(bad)).toBeNull()
  })

  it('adds days, months and years as pandas does', () => {
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(addMonths('2025-03-31', 9)).toBe('2025-12-31')
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28')
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28')
    expect(addYears('2025-03-31', -1)).toBe('2024-03-31')
  })

  it('knows the weekday', () => {
    expect(weekday('2024-07-01')).toBe(0)
    expect(isWeekend('2024-07-06')).toBe(true)
    expect(isWeekend('2024-07-05')).toBe(false)
  })

  it('treats missing dates as not comparable', () => {
    expect(lt(null, '2024-01-01')).toBe(false)
    expect(outside(null, '2024-04-01', '2025-03-31')).toBe(false)
    expect(outside('2024-03-31', '2024-04-01', '2025-03-31')).toBe(true)
    expect(outside('2025-03-31', '2024-04-01', '2025-03-31')).toBe(false)
  })
})
