import { describe, expect, it } from 'vitest'
import { rule8630 } from './rule-8630.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8630: closure before referral', () => {
  it('flags a closure before the referral', () => {
    const t = tables([childWith({ CINclosureDate: '2024-06-02', ReasonForClosure: 'RC1' })])
    expect(where(run(rule8630, t))).toEqual(['CINdetails:0:CINreferralDate+CINclosureDate'])
  })
  it('accepts a closure on the referral date', () => {
    expect(
      run(rule8630, tables([childWith({ CINclosureDate: '2024-06-03', ReasonForClosure: 'RC1' })])),
    ).toEqual([])
  })
})
