import { describe, expect, it } from 'vitest'
import { rule8820 } from './rule-8820.ts'
import { child, episode, run, tables, where } from './test-tables.ts'

describe('rule 8820: overlapping episodes', () => {
  const first = episode({ CINclosureDate: '2024-09-01', ReasonForClosure: 'RC1' })
  it('flags a referral made while another episode was open', () => {
    const t = tables([child({ cinDetails: [first, episode({ CINreferralDate: '2024-08-01' })] })])
    expect(where(run(rule8820, t))).toEqual([
      'CINdetails:1:CINreferralDate | CINdetails:0:CINreferralDate+CINclosureDate',
    ])
  })
  it('accepts a referral on the day the previous episode closed', () => {
    const t = tables([child({ cinDetails: [first, episode({ CINreferralDate: '2024-09-01' })] })])
    expect(run(rule8820, t)).toEqual([])
  })
})
