import { describe, expect, it } from 'vitest'
import { rule4000 } from './rule-4000.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 4000: CIN plan on an NFA referral', () => {
  it('flags a CIN plan on a referral with no further action', () => {
    const t = tables([childWith({ ReferralNFA: 'true', cinPlanDates: [{ CINPlanStartDate: '2024-07-01' }] })])
    expect(where(run(rule4000, t))).toEqual(['CINdetails:0:ReferralNFA | CINplanDates:0:LAchildID'])
  })
  it('accepts a CIN plan after further action', () => {
    const t = tables([childWith({ cinPlanDates: [{ CINPlanStartDate: '2024-07-01' }] })])
    expect(run(rule4000, t)).toEqual([])
  })
})
