import { describe, expect, it } from 'vitest'
import { rule577 } from './rule-577.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 577: care ended while still missing', () => {
  it('flags a missing episode still open after care ended', () => {
    expect(
      where(
        run(
          rule577,
          tables({
            Episodes: [{ DEC: '2025-08-01', REC: 'E13' }],
            Missing: [{ MISSING: 'M', MIS_START: '2025-07-01' }],
          }),
        ),
      ),
    ).toEqual(['Missing:0:MIS_END'])
  })
  it('accepts an open missing episode while care continues', () => {
    expect(
      run(rule577, tables({ Episodes: [{}], Missing: [{ MISSING: 'M', MIS_START: '2025-07-01' }] })),
    ).toEqual([])
  })
})
