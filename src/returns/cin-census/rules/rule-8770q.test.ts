import { describe, expect, it } from 'vitest'
import { rule8770Q } from './rule-8770q.ts'
import { child, childWith, run, tables, where } from './test-tables.ts'

describe('rule 8770Q: UPN for a school-age child', () => {
  // Reference date 31 March 2025: children born on or before 31 August 2019 are of school age.
  const noUpn = (born: string, reason: string | null = 'UN1') =>
    child({ UPN: null, UPNunknown: reason, PersonBirthDate: born })
  it('queries a school-age child with no UPN and no valid reason', () => {
    expect(where(run(rule8770Q, tables([noUpn('2019-08-31')])))).toEqual([
      'ChildIdentifiers:0:UPN+UPNunknown',
    ])
  })
  it('accepts a younger child, a reason UN2-UN7, or a referral with no further action', () => {
    const nfa = childWith(
      { ReferralNFA: 'true' },
      { LAchildID: 'C3', UPN: null, PersonBirthDate: '2010-01-01' },
    )
    const t = tables([noUpn('2019-09-01'), child({ LAchildID: 'C2', UPN: null, UPNunknown: 'un2' }), nfa])
    expect(run(rule8770Q, t)).toEqual([])
  })
  it('uses the reference date minus 6 years before 2024-25', () => {
    expect(run(rule8770Q, tables([noUpn('2019-08-31')]), '2023-24')).toEqual([])
    expect(run(rule8770Q, tables([noUpn('2019-03-31')]), '2023-24')).toHaveLength(1)
  })
})
