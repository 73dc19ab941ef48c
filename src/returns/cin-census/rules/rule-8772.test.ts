import { describe, expect, it } from 'vitest'
import { rule8772 } from './rule-8772.ts'
import { child, childWith, run, tables, where } from './test-tables.ts'

describe('rule 8772: UN7 with further action', () => {
  it('flags UN7 when a referral went on to further action', () => {
    expect(where(run(rule8772, tables([child({ UPN: null, UPNunknown: 'UN7' })])))).toEqual([
      'ChildIdentifiers:0:UPNunknown | CINdetails:0:ReferralNFA',
    ])
  })
  it('accepts UN7 when every referral was NFA', () => {
    expect(
      run(rule8772, tables([childWith({ ReferralNFA: '1' }, { UPN: null, UPNunknown: 'UN7' })])),
    ).toEqual([])
  })
})
