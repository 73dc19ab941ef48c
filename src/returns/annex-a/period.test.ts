import { describe, expect, it } from 'vitest'
import { type CarePeriod, eligibility } from './list-09-care-leavers.ts'
import { annexAPeriod, readAnnexAPeriod } from './period.ts'

describe('the Annex A period', () => {
  it('is the six or twelve months up to the inspection date, whichever way the start is written', () => {
    expect(annexAPeriod('2026-03-31', 6)).toEqual({
      start: '2025-10-01',
      end: '2026-03-31',
      months: 6,
      yearStart: '2025-04-01',
      sixMonthsStart: '2025-10-01',
    })
    expect(readAnnexAPeriod('2025-10-01', '2026-03-31', '2026-11-23').period?.months).toBe(6)
    expect(readAnnexAPeriod('2025-09-30', '2026-03-31', '2026-11-23').period?.start).toBe('2025-10-01')
    expect(readAnnexAPeriod('2025-04-01', '2026-03-31', '2026-11-23').period?.months).toBe(12)
    // Month ends clamp: six months to 31 August begins on 1 March.
    expect(readAnnexAPeriod('2026-03-01', '2026-08-31', '2026-11-23').period?.months).toBe(6)
  })

  it('refuses a period the wrong way round, of another length, in the future or not a date', () => {
    expect(readAnnexAPeriod('2026-03-31', '2025-10-01', '2026-11-23').problems).toEqual([
      { field: 'periodStart', kind: 'backwards' },
    ])
    expect(readAnnexAPeriod('2025-11-01', '2026-03-31', '2026-11-23').problems).toEqual([
      { field: 'periodStart', kind: 'length', sixMonths: '2025-10-01', twelveMonths: '2025-04-01' },
    ])
    expect(readAnnexAPeriod('2026-06-01', '2026-11-30', '2026-11-23').problems).toEqual([
      { field: 'periodEnd', kind: 'future' },
    ])
    expect(readAnnexAPeriod('', 'invalid:2026-13-1', '2026-11-23').problems).toEqual([
      { field: 'periodStart', kind: 'missing' },
      { field: 'periodEnd', kind: 'not-a-date' },
    ])
  })
})

describe('leaving care eligibility on the inspection date', () => {
  const on = '2026-03-31'
  const care = (start: string, end: string | null, reason: string | null = null): CarePeriod => ({
    start,
    end,
    reason,
    shortBreaks: false,
  })

  it('finds eligible, relevant, former relevant and qualifying young people', () => {
    // 16, in care for 30 weeks since turning 14, some after 16.
    expect(eligibility('2009-06-01', [care('2025-09-01', null)], on, false)).toBe('d) Eligible child')
    // 17, left care after 13 weeks that ran past 16.
    expect(eligibility('2008-06-01', [care('2024-09-01', '2025-02-01', 'E4A')], on, false)).toBe(
      'a) Relevant child',
    )
    // 19, left care at 18.
    expect(eligibility('2006-05-01', [care('2021-03-01', '2024-05-01', 'E8')], on, false)).toBe(
      'b) Former relevant child',
    )
    // 17, looked after for five weeks after turning 16.
    expect(eligibility('2008-06-01', [care('2025-01-01', '2025-02-05', 'E4A')], on, false)).toBe(
      'c) Qualifying care leaver',
    )
  })

  it('leaves out those who are not entitled', () => {
    // Still in care but not yet 13 weeks.
    expect(eligibility('2009-06-01', [care('2026-02-01', null)], on, false)).toBeNull()
    // Left care before turning 16.
    expect(eligibility('2009-06-01', [care('2023-01-01', '2024-01-01', 'E4A')], on, false)).toBeNull()
    // Adopted.
    expect(eligibility('2009-06-01', [care('2024-01-01', '2025-07-01', 'E11')], on, false)).toBeNull()
    // Short breaks only.
    expect(
      eligibility('2009-06-01', [{ ...care('2024-01-01', '2025-07-01'), shortBreaks: true }], on, false),
    ).toBeNull()
    // 22 and no longer receiving services; still entitled when they are.
    expect(eligibility('2003-06-01', [care('2019-01-01', '2021-06-01', 'E8')], on, false)).toBeNull()
    expect(eligibility('2003-06-01', [care('2019-01-01', '2021-06-01', 'E8')], on, true)).toBe(
      'b) Former relevant child',
    )
  })
})
