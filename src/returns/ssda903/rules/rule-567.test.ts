import { describe, expect, it } from 'vitest'
import { rule567 } from './rule-567.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 567: missing ends before it starts', () => {
  it('flags an end before the start', () => {
    expect(
      where(
        run(rule567, tables({ Missing: [{ MISSING: 'M', MIS_START: '2025-06-02', MIS_END: '2025-06-01' }] })),
      ),
    ).toEqual(['Missing:0:MIS_END+MIS_START'])
  })
  it('accepts an end on the start day', () => {
    expect(
      run(rule567, tables({ Missing: [{ MISSING: 'M', MIS_START: '2025-06-02', MIS_END: '2025-06-02' }] })),
    ).toEqual([])
  })
})
