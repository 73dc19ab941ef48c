import { describe, expect, it } from 'vitest'
import { rule1560Q } from './rule-1560q.ts'
import { child, run, tables, where } from './test-tables.ts'

describe('rule 1560Q: former UPN format', () => {
  it('queries a badly formed former UPN', () => {
    const t = tables([child({ FormerUPN: 'X98765432123B' }), child({ LAchildID: 'C2', FormerUPN: 'X9876' })])
    expect(where(run(rule1560Q, t))).toEqual(['ChildIdentifiers:0:FormerUPN', 'ChildIdentifiers:1:FormerUPN'])
  })
  it('accepts a well-formed or missing former UPN', () => {
    expect(
      run(rule1560Q, tables([child({ FormerUPN: 'X201000000120' }), child({ LAchildID: 'C2' })])),
    ).toEqual([])
  })
})
