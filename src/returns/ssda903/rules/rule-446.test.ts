import { describe, expect, it } from 'vitest'
import { rule446 } from './rule-446.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 446: placement orders from December 2005', () => {
  it('flags E1 starting in November 2005', () => {
    expect(where(run(rule446, tables({ Episodes: [{ LS: 'E1', DECOM: '2005-11-30' }] })))).toEqual([
      'Episodes:0:LS+DECOM',
    ])
  })
  it('accepts E1 from 1 December 2005', () => {
    expect(run(rule446, tables({ Episodes: [{ LS: 'E1', DECOM: '2005-12-01' }] }))).toEqual([])
  })
})
