import { describe, expect, it } from 'vitest'
import { rule8568 } from './rule-8568.ts'
import { child, episode, run, tables, where } from './test-tables.ts'

describe('rule 8568: RNFA flag', () => {
  it('flags a missing or invalid flag', () => {
    const t = tables([
      child({ cinDetails: [episode({ ReferralNFA: null }), episode({ ReferralNFA: 'yes' })] }),
    ])
    expect(where(run(rule8568, t))).toEqual(['CINdetails:0:ReferralNFA', 'CINdetails:1:ReferralNFA'])
  })
  it('accepts true, false, 1 and 0', () => {
    const t = tables([
      child({ cinDetails: ['true', 'false', '1', '0'].map((ReferralNFA) => episode({ ReferralNFA })) }),
    ])
    expect(run(rule8568, t)).toEqual([])
  })
})
