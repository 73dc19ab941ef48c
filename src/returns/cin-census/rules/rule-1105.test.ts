import { describe, expect, it } from 'vitest'
import { rule1105 } from './rule-1105.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 1105: plan before referral', () => {
  it('flags a child protection plan starting before the referral', () => {
    const t = tables([childWith({ childProtectionPlans: [{ CPPstartDate: '2024-06-01' }] })])
    const issues = run(rule1105, t)
    expect(where(issues)).toEqual(['ChildProtectionPlans:0:CPPstartDate | CINdetails:0:CINreferralDate'])
    expect(issues[0]?.ids).toEqual({ CINdetailsID: 1, CPPID: 1 })
  })
  it('accepts a plan starting after the referral', () => {
    const t = tables([childWith({ childProtectionPlans: [{ CPPstartDate: '2024-06-20' }] })])
    expect(run(rule1105, t)).toEqual([])
  })
})
