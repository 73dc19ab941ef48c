import { describe, expect, it } from 'vitest'
import { rule8510 } from './rule-8510.ts'
import { child, run, tables, where } from './test-tables.ts'

describe('rule 8510: duplicate LA child ID', () => {
  it('flags every record with the same ID', () => {
    const t = tables([child(), child({ UPN: 'X201000000230' })])
    expect(where(run(rule8510, t))).toEqual(['ChildIdentifiers:0:LAchildID', 'ChildIdentifiers:1:LAchildID'])
  })
  it('accepts distinct IDs and leaves missing ones to 8500', () => {
    const t = tables([
      child(),
      child({ LAchildID: 'C2' }),
      child({ LAchildID: null }),
      child({ LAchildID: null }),
    ])
    expect(run(rule8510, t)).toEqual([])
  })
})
