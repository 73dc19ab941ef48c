import { describe, expect, it } from 'vitest'
import { rule4013 } from './rule-4013.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 4013: CIN plan end in the census year', () => {
  it('flags an end date before the census year', () => {
    const t = tables([
      childWith({
        CINreferralDate: '2024-01-02',
        cinPlanDates: [{ CINPlanStartDate: '2024-02-01', CINPlanEndDate: '2024-03-31' }],
      }),
    ])
    expect(where(run(rule4013, t))).toEqual(['CINplanDates:0:CINPlanEndDate'])
  })
  it('accepts 1 April', () => {
    const t = tables([
      childWith({ cinPlanDates: [{ CINPlanStartDate: '2024-02-01', CINPlanEndDate: '2024-04-01' }] }),
    ])
    expect(run(rule4013, t)).toEqual([])
  })
})
