import { describe, expect, it } from 'vitest'
import { rule8866 } from './rule-8866.ts'
import { child, episode, run, tables, where } from './test-tables.ts'

describe('rule 8866: referral source', () => {
  it('flags a missing or invalid source', () => {
    const t = tables([
      child({ cinDetails: [episode({ ReferralSource: 'ZZ' }), episode({ ReferralSource: null })] }),
    ])
    expect(where(run(rule8866, t))).toEqual([
      'CINdetails:0:CINreferralDate+ReferralSource',
      'CINdetails:1:CINreferralDate+ReferralSource',
    ])
  })
  it('accepts a valid source, and none for referrals before April 2013', () => {
    const t = tables([
      child({
        cinDetails: [
          episode({ ReferralSource: '5D' }),
          episode({ CINreferralDate: '2013-03-31', ReferralSource: null }),
        ],
      }),
    ])
    expect(run(rule8866, t)).toEqual([])
  })
})
