import { describe, expect, it } from 'vitest'
import { rule8832 } from './rule-8832.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8832: CPP on an NFA referral', () => {
  it('flags a child protection plan on a referral with no further action', () => {
    const t = tables([
      childWith({ ReferralNFA: 'true', childProtectionPlans: [{ CPPstartDate: '2024-07-01' }] }),
    ])
    expect(where(run(rule8832, t))).toEqual(['CINdetails:0:ReferralNFA | ChildProtectionPlans:0:LAchildID'])
  })
  it('accepts a plan after further action', () => {
    expect(
      run(rule8832, tables([childWith({ childProtectionPlans: [{ CPPstartDate: '2024-07-01' }] })])),
    ).toEqual([])
  })
})
