import { describe, expect, it } from 'vitest'
import { rule586 } from './rule-586.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 586: missing before birth', () => {
  it('flags a start before the date of birth', () => {
    expect(
      where(
        run(rule586, tables({ Missing: [{ DOB: '2012-06-15', MISSING: 'M', MIS_START: '2012-06-01' }] })),
      ),
    ).toEqual(['Missing:0:MIS_START'])
  })
  it('accepts a start after it', () => {
    expect(
      run(rule586, tables({ Missing: [{ DOB: '2012-06-15', MISSING: 'M', MIS_START: '2025-06-01' }] })),
    ).toEqual([])
  })
})
