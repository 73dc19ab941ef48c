import { describe, expect, it } from 'vitest'
import { rule8569Q } from './rule-8569q.ts'
import { child, episode, run, tables, where } from './test-tables.ts'

describe('rule 8569Q: NFA on an old referral', () => {
  // The census year starts on 1 April 2024, a bank holiday, so the cut-off moves to 2 April.
  it('queries an NFA referral made before the start of the census year', () => {
    const t = tables([
      child({ cinDetails: [episode({ CINreferralDate: '2024-04-01', ReferralNFA: 'true' })] }),
    ])
    expect(where(run(rule8569Q, t))).toEqual(['CINdetails:0:CINreferralDate'])
  })
  it('accepts further action, and NFA referrals from the first working day', () => {
    const t = tables([
      child({
        cinDetails: [
          episode({ CINreferralDate: '2024-03-01', ReferralNFA: 'false' }),
          episode({ CINreferralDate: '2024-04-02', ReferralNFA: 'true' }),
        ],
      }),
    ])
    expect(run(rule8569Q, t)).toEqual([])
  })
})
