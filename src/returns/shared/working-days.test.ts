import { describe, expect, it } from 'vitest'
import { isEnglandWorkingDay, workingDayOffset, workingDaysBefore } from './working-days.ts'

describe('England working days', () => {
  it('skips weekends and bank holidays', () => {
    expect(isEnglandWorkingDay('2024-04-01')).toBe(false) // Easter Monday
    expect(isEnglandWorkingDay('2024-04-02')).toBe(true)
    expect(isEnglandWorkingDay('2024-04-06')).toBe(false)
  })

  it('rolls, then steps, like numpy busday_offset', () => {
    expect(workingDayOffset('2024-03-30', 0, 'forward')).toBe('2024-04-02')
    expect(workingDayOffset('2024-03-30', 0, 'backward')).toBe('2024-03-28')
    expect(workingDayOffset('2024-04-02', -1, 'forward')).toBe('2024-03-28')
  })

  it('counts n working days back including the date, as the CIN validator', () => {
    expect(workingDaysBefore('2025-03-31', 1)).toBe('2025-03-31')
    expect(workingDaysBefore('2025-03-31', 15)).toBe('2025-03-11')
    expect(workingDaysBefore('2025-03-31', 45)).toBe('2025-01-28')
    expect(workingDaysBefore('2023-03-31', 45)).toBe('2023-01-30')
  })
})
