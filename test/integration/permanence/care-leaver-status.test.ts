import { describe, expect, it } from 'vitest'
import {
  accommodationSuitable,
  birthday,
  careLeaverStatus,
  oc3Birthdays,
} from '../../../src/services/care-leavers.ts'

// careLeaverStatus is pure: the date of birth and periods of care in, the status out. Born 15 June 2008:
// 14 on 15 June 2022, 16 on 15 June 2024, 18 on 15 June 2026, 21 on 15 June 2029, 25 on 15 June 2033.
const DOB = '2008-06-15'
const status = (
  periods: { startDate: string; endDate: string | null; shortBreaks?: boolean }[],
  asAt: string,
) => careLeaverStatus(DOB, periods, asAt)

describe('careLeaverStatus', () => {
  it('is eligible at 13 weeks exactly (91 days, the first day counted), not the day before', () => {
    const inCare = [{ startDate: '2024-07-01', endDate: null }]
    const dayBefore = status(inCare, '2024-09-28')
    expect(dayBefore).toMatchObject({
      status: null,
      daysSince14: 90,
      lookedAfter: true,
      becomesEligibleOn: '2024-09-29',
    })
    const exactly = status(inCare, '2024-09-29')
    expect(exactly).toMatchObject({ status: 'eligible', daysSince14: 91, age: 16 })
    expect(exactly.explanation).toContain('13 weeks')
  })

  it('adds up separate periods since the 14th birthday, and leaves out time before it and short breaks', () => {
    const periods = [
      { startDate: '2022-01-01', endDate: '2022-07-15' }, // 30 days after the 14th birthday
      { startDate: '2023-01-01', endDate: '2023-01-21' }, // 20 days
      { startDate: '2024-07-01', endDate: null },
    ]
    // 30 + 20 + 41 (1 July to 10 August) = 91.
    expect(status(periods, '2024-08-10').daysSince14).toBe(91)
    expect(status(periods, '2024-08-10').status).toBe('eligible')
    expect(status(periods, '2024-08-09').status).toBeNull()
    const breaks = [
      { startDate: '2022-09-01', endDate: '2023-09-01', shortBreaks: true },
      { startDate: '2024-07-01', endDate: null, shortBreaks: true },
    ]
    expect(status(breaks, '2025-01-01')).toMatchObject({ status: null, daysSince14: 0 })
  })

  it('counts an under-16 in care as becoming eligible on their 16th birthday', () => {
    const result = status([{ startDate: '2023-01-01', endDate: null }], '2023-06-01')
    expect(result).toMatchObject({
      status: null,
      lookedAfter: true,
      becomesEligibleOn: '2024-06-15',
      age: 14,
    })
  })

  it('makes a young person who leaves care at 16 or 17 relevant — but not one who left before 16', () => {
    const leftAt16 = status([{ startDate: '2023-01-01', endDate: '2024-09-01' }], '2025-01-01')
    expect(leftAt16).toMatchObject({ status: 'relevant', leftCareOn: '2024-09-01', lookedAfter: false })
    // Left on the 16th birthday: the last day in care was the day before, at 15.
    expect(status([{ startDate: '2023-01-01', endDate: '2024-06-15' }], '2025-01-01').status).toBeNull()
    // Left the day after: 16 on the last day in care.
    expect(status([{ startDate: '2023-01-01', endDate: '2024-06-16' }], '2025-01-01').status).toBe('relevant')
    expect(status([{ startDate: '2023-01-01', endDate: '2024-06-01' }], '2025-01-01').status).toBeNull()
  })

  it('makes a young person who leaves at 18 (or at 16 or 17) former relevant from 18 to their 25th birthday', () => {
    const leftAt18 = [{ startDate: '2023-01-01', endDate: '2026-06-15' }]
    expect(status(leftAt18, '2026-01-01').status).toBe('eligible')
    expect(status(leftAt18, '2026-06-15')).toMatchObject({
      status: 'former-relevant',
      age: 18,
      lookedAfter: false,
    })
    const leftAt17 = [{ startDate: '2023-01-01', endDate: '2025-09-01' }]
    expect(status(leftAt17, '2026-01-01').status).toBe('relevant')
    expect(status(leftAt17, '2026-07-01').status).toBe('former-relevant')
    expect(status(leftAt17, '2029-06-15')).toMatchObject({ status: 'former-relevant', age: 21 })
    expect(status(leftAt17, '2033-06-14')).toMatchObject({ status: 'former-relevant', age: 24 })
    expect(status(leftAt17, '2033-06-15')).toMatchObject({ status: null, age: 25 })
  })

  it('makes someone looked after after 16 but for under 13 weeks qualifying, until 21', () => {
    const brief = [{ startDate: '2024-08-01', endDate: '2024-09-01' }]
    expect(status(brief, '2025-01-01')).toMatchObject({ status: 'qualifying', daysSince14: 31 })
    expect(status(brief, '2029-06-14').status).toBe('qualifying')
    expect(status(brief, '2029-06-15').status).toBeNull()
  })

  it('says so when there is no date of birth or no care', () => {
    expect(careLeaverStatus(null, [], '2026-01-01').status).toBeNull()
    expect(status([], '2026-01-01')).toMatchObject({
      status: null,
      explanation: 'Has not been looked after.',
    })
  })

  it('treats a 29 February birthday as 1 March in other years', () => {
    expect(birthday('2008-02-29', 16)).toBe('2024-02-29')
    expect(birthday('2008-02-29', 17)).toBe('2025-03-01')
    expect(
      careLeaverStatus('2008-02-29', [{ startDate: '2024-01-01', endDate: null }], '2025-02-28').age,
    ).toBe(16)
  })
})

describe('oc3Birthdays', () => {
  const leftAt18 = [{ startDate: '2023-01-01', endDate: '2026-06-15' }]
  it('asks for contact at the 18th to 21st birthdays of a young person who left care at 18, not the 17th', () => {
    const rows = oc3Birthdays(
      DOB,
      leftAt18,
      [{ id: 1, contactedOn: '2026-07-01', inTouch: 'YES', activity: 'F2', accommodation: 'Z1' }],
      '2026-11-23',
    )
    expect(rows.map((r) => [r.age, r.state])).toEqual([
      [17, 'not-required'],
      [18, 'recorded'],
      [19, 'upcoming'],
      [20, 'upcoming'],
      [21, 'upcoming'],
    ])
    expect(rows[1]).toMatchObject({ windowFrom: '2026-03-15', windowTo: '2026-07-15' })
  })

  it('shows a birthday due now, and one missed', () => {
    const due = oc3Birthdays(DOB, leftAt18, [], '2026-06-01')
    expect(due[1]!.state).toBe('due')
    const missed = oc3Birthdays(
      DOB,
      leftAt18,
      [{ id: 1, contactedOn: '2026-03-14', inTouch: 'YES', activity: 'F2', accommodation: 'Z1' }],
      '2026-08-01',
    )
    expect(missed[1]!.state).toBe('missed')
    // Left at 16: the 17th birthday is asked about too.
    const leftAt16 = oc3Birthdays(DOB, [{ startDate: '2023-01-01', endDate: '2024-09-01' }], [], '2025-06-15')
    expect(leftAt16[0]!.state).toBe('due')
  })

  it('reads suitability from the accommodation code', () => {
    expect(accommodationSuitable('U1')).toBe(true)
    expect(accommodationSuitable('S2')).toBe(false)
    expect(accommodationSuitable('0')).toBeNull()
    expect(accommodationSuitable(null)).toBeNull()
  })
})
