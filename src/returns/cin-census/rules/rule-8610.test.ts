import { describe, expect, it } from 'vitest'
import { rule8610 } from './rule-8610.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8610: primary need missing', () => {
  it('flags a referral with further action and no primary need', () => {
    expect(where(run(rule8610, tables([childWith({ PrimaryNeedCode: null })])))).toEqual([
      'CINdetails:0:ReferralNFA+PrimaryNeedCode',
    ])
  })
  it('accepts an NFA referral with no primary need', () => {
    expect(run(rule8610, tables([childWith({ PrimaryNeedCode: null, ReferralNFA: 'true' })]))).toEqual([])
  })
})
