import { describe, expect, it } from 'vitest'
import { rule564 } from './rule-564.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 564: missing without a start date', () => {
  it('flags a missing episode with no start', () => {
    expect(where(run(rule564, tables({ Missing: [{ MISSING: 'M' }] })))).toEqual([
      'Missing:0:MISSING+MIS_START',
    ])
  })
  it('accepts one with a start', () => {
    expect(run(rule564, tables({ Missing: [{ MISSING: 'M', MIS_START: '2025-06-01' }] }))).toEqual([])
  })
})
