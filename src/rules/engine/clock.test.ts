import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addCalendarDays, addWorkingDays, workingDaysBetween } from '../../domain/calendar/working-days.ts'
import { dueDate, workingDaysOverdue } from './clock.ts'

describe('clocks in working days', () => {
  it('are the working-day calendar’s within it', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2012-01-01T00:00:00Z'),
          max: new Date('2033-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 300 }),
        (d, n) => {
          const start = d.toISOString().slice(0, 10)
          expect(dueDate(start, n, 'working-days')).toBe(addWorkingDays(start, n))
          const later = addCalendarDays(start, n)
          expect(workingDaysOverdue(start, later)).toBe(workingDaysBetween(start, later))
          expect(workingDaysOverdue(later, start)).toBe(workingDaysBetween(later, start))
        },
      ),
      { numRuns: 500 },
    )
  })

  it('count weekdays before the stored calendar, so an old record is flagged rather than stopping the evaluation', () => {
    // 29 and 30 December 2011 are weekdays; 1 January 2012 a Sunday, 2 January its bank holiday.
    expect(dueDate('2011-12-28', 3, 'working-days')).toBe('2012-01-03')
    expect(workingDaysOverdue('2011-12-28', '2012-01-04')).toBe(4)
    expect(workingDaysOverdue('2012-01-04', '2011-12-28')).toBe(-4)
    // A child in care since September 2011 with no health assessment: overdue by years, not an error.
    const due = dueDate('2011-09-19', 20, 'working-days')
    expect(due).toBe('2011-10-17')
    expect(workingDaysOverdue(due, '2025-12-05')).toBeGreaterThan(3000)
    expect(workingDaysOverdue('2011-10-03', '2011-10-10')).toBe(5)
  })
})
