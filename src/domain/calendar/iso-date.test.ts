import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dayOfWeek, formatIsoDate, fromDayNumber, isIsoDate, parseIsoDate, toDayNumber } from './iso-date.ts'

describe('iso-date', () => {
  it('validates calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2025-02-29')).toBe(false)
    expect(isIsoDate('1900-02-29')).toBe(false)
    expect(isIsoDate('2000-02-29')).toBe(true)
    expect(isIsoDate('2025-04-31')).toBe(false)
    expect(isIsoDate('2025-00-10')).toBe(false)
    expect(isIsoDate('2025-1-10')).toBe(false)
    expect(isIsoDate(20250101)).toBe(false)
    expect(() => parseIsoDate('2025-02-30')).toThrow(RangeError)
  })

  it('numbers days from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0)
    expect(toDayNumber('1969-12-31')).toBe(-1)
    expect(fromDayNumber(20_000)).toBe('2024-10-04')
    expect(fromDayNumber(toDayNumber('0001-01-01'))).toBe('0001-01-01')
  })

  it('agrees with Date for day numbers and weekdays', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30_000, max: 100_000 }), (n) => {
        const viaDate = new Date(n * 86_400_000)
        const iso = viaDate.toISOString().slice(0, 10)
        expect(fromDayNumber(n)).toBe(iso)
        expect(toDayNumber(iso)).toBe(n)
        expect(dayOfWeek(iso)).toBe(viaDate.getUTCDay())
      }),
    )
  })

  it('formats with zero padding and rejects impossible parts', () => {
    expect(formatIsoDate(2025, 3, 7)).toBe('2025-03-07')
    expect(() => formatIsoDate(2025, 2, 29)).toThrow(RangeError)
    expect(() => formatIsoDate(10_000, 1, 1)).toThrow(RangeError)
  })
})
