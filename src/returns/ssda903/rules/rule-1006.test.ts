import { describe, expect, it } from 'vitest'
import { rule1006 } from './rule-1006.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 1006: missing type', () => {
  it('flags type X', () => {
    expect(where(run(rule1006, tables({ Missing: [{ MISSING: 'X', MIS_START: '2025-06-01' }] })))).toEqual([
      'Missing:0:MISSING',
    ])
  })
  it('accepts M and A', () => {
    expect(
      run(
        rule1006,
        tables({
          Missing: [
            { MISSING: 'M', MIS_START: '2025-06-01' },
            { MISSING: 'A', MIS_START: '2025-07-01' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
