import { describe, expect, it } from 'vitest'
import { rule1007 } from './rule-1007.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 1007: still looked after on the 17th or 18th birthday', () => {
  it('flags a young person in care on their 18th birthday', () => {
    expect(
      where(
        run(
          rule1007,
          tables({
            Episodes: [{ DECOM: '2024-01-01', RNE: 'S' }],
            OC3: [{ DOB: '2007-09-01', IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'B1' }],
          }),
        ),
      ),
    ).toEqual(['OC3:0:IN_TOUCH+ACTIV+ACCOM'])
  })
  it('accepts one who left care before the birthday', () => {
    expect(
      run(
        rule1007,
        tables({
          Episodes: [{ DECOM: '2024-01-01', DEC: '2025-07-01', REC: 'E13' }],
          OC3: [{ DOB: '2007-09-01', IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'B1' }],
        }),
      ),
    ).toEqual([])
  })
})
