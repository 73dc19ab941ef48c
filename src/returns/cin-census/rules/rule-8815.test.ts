import { describe, expect, it } from 'vitest'
import { rule8815 } from './rule-8815.ts'
import { child, episode, run, tables, where } from './test-tables.ts'

describe('rule 8815: two open episodes', () => {
  it('flags two open episodes that led to further action', () => {
    const t = tables([child({ cinDetails: [episode(), episode({ CINreferralDate: '2024-09-01' })] })])
    expect(where(run(rule8815, t))).toEqual(['CINdetails:0:CINclosureDate | CINdetails:1:CINclosureDate'])
  })
  it('accepts an open NFA referral alongside', () => {
    const t = tables([
      child({ cinDetails: [episode(), episode({ CINreferralDate: '2024-09-01', ReferralNFA: 'true' })] }),
    ])
    expect(run(rule8815, t)).toEqual([])
  })
})
