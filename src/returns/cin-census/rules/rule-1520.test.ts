import { describe, expect, it } from 'vitest'
import { rule1520 } from './rule-1520.ts'
import { child, run, tables, where } from './test-tables.ts'

describe('rule 1520: duplicate UPN', () => {
  it('flags every child sharing a UPN', () => {
    const t = tables([child(), child({ LAchildID: 'C2' })])
    expect(where(run(rule1520, t))).toEqual(['ChildIdentifiers:0:UPN', 'ChildIdentifiers:1:UPN'])
  })
  it('ignores different and missing UPNs', () => {
    const t = tables([
      child(),
      child({ LAchildID: 'C2', UPN: 'X201000000230' }),
      child({ LAchildID: 'C3', UPN: null }),
      child({ LAchildID: 'C4', UPN: null }),
    ])
    expect(run(rule1520, t)).toEqual([])
  })
})
