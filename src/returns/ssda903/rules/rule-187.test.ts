import { describe, expect, it } from 'vitest'
import { rule187 } from './rule-187.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 187: no OC3 or AD1 for a child looked after all year', () => {
  it('flags OC3 items and AD1 for a child in care all year', () => {
    expect(
      where(
        run(
          rule187,
          tables({
            Episodes: [{ DECOM: '2024-01-01' }],
            OC3: [{ IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'B1' }],
            AD1: [{ DATE_INT: '2025-05-01' }],
          }),
        ),
      ),
    ).toEqual(['OC3:0:IN_TOUCH+ACTIV+ACCOM', 'AD1:0:DATE_INT+DATE_MATCH'])
  })
  it('accepts them for a child who left care in the year', () => {
    expect(
      run(
        rule187,
        tables({
          Episodes: [{ DECOM: '2024-01-01', DEC: '2025-10-01', REC: 'E11' }],
          AD1: [{ DATE_INT: '2024-05-01' }],
        }),
      ),
    ).toEqual([])
  })
})
