import { describe, expect, it } from 'vitest'
import { rule8600 } from './rule-8600.ts'
import { child, childWith, episode, run, tables, where } from './test-tables.ts'

describe('rule 8600: referral date', () => {
  it('flags a missing referral date or one after the reference date', () => {
    const t = tables([
      child({ cinDetails: [episode({ CINreferralDate: null }), episode({ CINreferralDate: '2025-04-01' })] }),
    ])
    expect(where(run(rule8600, t))).toEqual(['CINdetails:0:CINreferralDate', 'CINdetails:1:CINreferralDate'])
  })
  it('accepts the reference date', () => {
    expect(run(rule8600, tables([childWith({ CINreferralDate: '2025-03-31' })]))).toEqual([])
  })
})
