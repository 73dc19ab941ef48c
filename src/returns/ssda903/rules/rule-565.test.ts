import { describe, expect, it } from 'vitest'
import { rule565 } from './rule-565.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 565: start date without a missing type', () => {
  it('flags a start with no type', () => {
    expect(where(run(rule565, tables({ Missing: [{ MIS_START: '2025-06-01' }] })))).toEqual([
      'Missing:0:MISSING+MIS_START',
    ])
  })
  it('accepts a start with a type', () => {
    expect(run(rule565, tables({ Missing: [{ MISSING: 'A', MIS_START: '2025-06-01' }] }))).toEqual([])
  })
})
