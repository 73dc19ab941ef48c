import { describe, expect, it } from 'vitest'
import { rule233 } from './rule-233.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 233: no reason for a placement change on an open episode', () => {
  it('flags a reason on an open episode', () => {
    expect(where(run(rule233, tables({ Episodes: [{ REASON_PLACE_CHANGE: 'CARPL' }] })))).toEqual([
      'Episodes:0:REASON_PLACE_CHANGE',
    ])
  })
  it('accepts a reason on an ended episode', () => {
    expect(
      run(rule233, tables({ Episodes: [{ DEC: '2025-08-01', REC: 'X1', REASON_PLACE_CHANGE: 'CARPL' }] })),
    ).toEqual([])
  })
  it('is not in force in 2024-25', () => {
    expect(rule233.years).not.toContain('2024-25')
  })
})
