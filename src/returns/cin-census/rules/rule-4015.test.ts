import { describe, expect, it } from 'vitest'
import { rule4015 } from './rule-4015.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 4015: CIN plan before referral', () => {
  it('flags a plan starting before the referral', () => {
    const t = tables([childWith({ cinPlanDates: [{ CINPlanStartDate: '2024-06-01' }] })])
    expect(where(run(rule4015, t))).toEqual([
      'CINplanDates:0:CINPlanStartDate | CINdetails:0:CINreferralDate',
    ])
  })
  it('accepts a plan starting on the referral date', () => {
    const t = tables([childWith({ cinPlanDates: [{ CINPlanStartDate: '2024-06-03' }] })])
    expect(run(rule4015, t)).toEqual([])
  })
})
