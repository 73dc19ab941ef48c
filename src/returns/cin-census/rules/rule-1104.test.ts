import { describe, expect, it } from 'vitest'
import { rule1104 } from './rule-1104.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 1104: conference before referral', () => {
  it('flags a Section47 conference before the referral', () => {
    const t = tables([childWith({ section47: [{ DateOfInitialCPC: '2024-06-01' }] })])
    expect(where(run(rule1104, t))).toEqual(['Section47:0:DateOfInitialCPC | CINdetails:0:CINreferralDate'])
  })
  it('accepts a conference after the referral', () => {
    const t = tables([childWith({ section47: [{ DateOfInitialCPC: '2024-06-10' }] })])
    expect(run(rule1104, t)).toEqual([])
  })
})
