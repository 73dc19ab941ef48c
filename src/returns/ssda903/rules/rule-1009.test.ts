import { describe, expect, it } from 'vitest'
import { rule1009 } from './rule-1009.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 1009: reason for placement change code', () => {
  it('flags an unknown reason', () => {
    expect(where(run(rule1009, tables({ Episodes: [{ REASON_PLACE_CHANGE: 'MOVED' }] })))).toEqual([
      'Episodes:0:REASON_PLACE_CHANGE',
    ])
  })
  it('accepts CARPL and a blank', () => {
    expect(run(rule1009, tables({ Episodes: [{ REASON_PLACE_CHANGE: 'CARPL' }, { CHILD: '2' }] }))).toEqual(
      [],
    )
  })
})
