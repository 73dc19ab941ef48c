import { describe, expect, it } from 'vitest'
import { rule8816 } from './rule-8816.ts'
import { child, episode, run, tables, where } from './test-tables.ts'

describe('rule 8816: open episode not the latest', () => {
  const later = episode({
    CINreferralDate: '2024-08-01',
    CINclosureDate: '2024-09-01',
    ReasonForClosure: 'RC1',
  })
  it('flags an open episode with a later referral after it', () => {
    expect(where(run(rule8816, tables([child({ cinDetails: [episode(), later] })])))).toEqual([
      'CINdetails:0:CINreferralDate | CINdetails:1:CINreferralDate',
    ])
  })
  it('accepts an open episode that is the latest', () => {
    const earlier = episode({
      CINreferralDate: '2024-04-10',
      CINclosureDate: '2024-05-01',
      ReasonForClosure: 'RC1',
    })
    expect(run(rule8816, tables([child({ cinDetails: [earlier, episode()] })]))).toEqual([])
  })
})
