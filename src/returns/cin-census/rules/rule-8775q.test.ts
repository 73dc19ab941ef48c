import { describe, expect, it } from 'vitest'
import { rule8775Q } from './rule-8775q.ts'
import { child, childWith, run, tables, where } from './test-tables.ts'

describe('rule 8775Q: over 25', () => {
  it('queries a child over 25 with an open episode', () => {
    expect(where(run(rule8775Q, tables([child({ PersonBirthDate: '1999-01-01' })])))).toEqual([
      'ChildIdentifiers:0:PersonBirthDate | CINdetails:0:CINclosureDate',
    ])
  })
  it('accepts a younger child, or an episode closed before the 25th birthday', () => {
    const closed = childWith(
      { CINreferralDate: '2023-06-01', CINclosureDate: '2023-12-31', ReasonForClosure: 'RC1' },
      { LAchildID: 'C2', PersonBirthDate: '1999-01-01' },
    )
    expect(run(rule8775Q, tables([child({ PersonBirthDate: '2001-01-01' }), closed]))).toEqual([])
  })
})
