import { describe, expect, it } from 'vitest'
import { rule566 } from './rule-566.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 566: end date without a missing type', () => {
  it('flags an end with no type', () => {
    expect(
      where(run(rule566, tables({ Missing: [{ MIS_START: '2025-06-01', MIS_END: '2025-06-02' }] }))),
    ).toEqual(['Missing:0:MISSING+MIS_END'])
  })
  it('accepts an end with a type', () => {
    expect(
      run(rule566, tables({ Missing: [{ MISSING: 'M', MIS_START: '2025-06-01', MIS_END: '2025-06-02' }] })),
    ).toEqual([])
  })
})
