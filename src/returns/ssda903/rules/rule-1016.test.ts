import { describe, expect, it } from 'vitest'
import { rule1016 } from './rule-1016.ts'
import { run, tables, where } from './test-tables.ts'

const leaver = { DOB: '2008-09-01', IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'B1' }

describe('rule 1016: no care leaver items for a 17- or 18-year-old in care on the birthday', () => {
  it('flags a 17-year-old whose care ended after the 17th birthday', () => {
    expect(
      where(
        run(
          rule1016,
          tables({ Episodes: [{ DECOM: '2024-01-01', DEC: '2025-10-01', REC: 'E13' }], OC3: [leaver] }),
        ),
      ),
    ).toEqual(['OC3:0:IN_TOUCH+ACTIV+ACCOM | Episodes:0:DEC'])
  })
  it('accepts one whose care ended on the birthday or before it', () => {
    expect(
      run(
        rule1016,
        tables({ Episodes: [{ DECOM: '2024-01-01', DEC: '2025-09-01', REC: 'E13' }], OC3: [leaver] }),
      ),
    ).toEqual([])
  })
})
