import { describe, expect, it } from 'vitest'
import { rule1510 } from './rule-1510.ts'
import { child, run, tables, where } from './test-tables.ts'

describe('rule 1510: UPN check letter', () => {
  it('flags a wrong check letter', () => {
    expect(where(run(rule1510, tables([child({ UPN: 'A123456789123' })])))).toEqual([
      'ChildIdentifiers:0:UPN',
    ])
  })
  it('accepts a correct check letter and ignores UPNs it cannot check', () => {
    const t = tables([
      child(),
      child({ LAchildID: 'C2', UPN: 'X2010000001' }),
      child({ LAchildID: 'C3', UPN: null }),
    ])
    expect(run(rule1510, t)).toEqual([])
  })
})
