import { describe, expect, it } from 'vitest'
import { rule8540 } from './rule-8540.ts'
import { child, childWith, run, tables, where } from './test-tables.ts'

describe('rule 8540: disability missing or invalid', () => {
  it('flags an invalid code for a child with further action', () => {
    expect(where(run(rule8540, tables([child({ disabilities: ['XYZ'] })])))).toEqual([
      'Disabilities:0:Disability | ChildIdentifiers:0:PersonBirthDate | CINdetails:0:ReferralNFA',
    ])
  })
  it('flags a child with further action and no disability recorded', () => {
    expect(where(run(rule8540, tables([child({ disabilities: null })])))).toEqual([
      'ChildIdentifiers:0:PersonBirthDate | CINdetails:0:ReferralNFA',
    ])
  })
  it('accepts valid codes, and a referral with no further action', () => {
    const nfa = childWith({ ReferralNFA: 'true' }, { LAchildID: 'C2', disabilities: null })
    expect(run(rule8540, tables([child({ disabilities: ['MOB', 'HAND'] }), nfa]))).toEqual([])
  })
})
