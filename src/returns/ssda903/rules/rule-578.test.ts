import { describe, expect, it } from 'vitest'
import { rule578 } from './rule-578.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 578: missing after care ended', () => {
  it('flags missing after care ended', () => {
    expect(
      where(
        run(
          rule578,
          tables({
            Episodes: [{ DEC: '2025-08-01', REC: 'E13' }],
            Missing: [{ MISSING: 'M', MIS_START: '2025-08-02' }],
          }),
        ),
      ),
    ).toEqual(['Missing:0:MIS_START'])
  })
  it('accepts missing on the last day of care', () => {
    expect(
      run(
        rule578,
        tables({
          Episodes: [{ DEC: '2025-08-01', REC: 'E13' }],
          Missing: [{ MISSING: 'M', MIS_START: '2025-08-01', MIS_END: '2025-08-01' }],
        }),
      ),
    ).toEqual([])
  })
})
