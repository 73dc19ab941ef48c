import { describe, expect, it } from 'vitest'
import { rule580 } from './rule-580.ts'
import { run, tables, where } from './test-tables.ts'

const missingOnBirthday = { DOB: '2007-09-01', MISSING: 'M', MIS_START: '2025-08-20', MIS_END: '2025-09-01' }

describe('rule 580: missing at 18 ends care with E8', () => {
  it('flags E5 for a young person missing when care ended at 18', () => {
    expect(
      where(
        run(rule580, tables({ Episodes: [{ DEC: '2025-09-01', REC: 'E5' }], Missing: [missingOnBirthday] })),
      ),
    ).toEqual(['Episodes:0:REC | Missing:0:MIS_END'])
  })
  it('accepts E8', () => {
    expect(
      run(rule580, tables({ Episodes: [{ DEC: '2025-09-01', REC: 'E8' }], Missing: [missingOnBirthday] })),
    ).toEqual([])
  })
})
