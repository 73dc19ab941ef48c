import { describe, expect, it } from 'vitest'
import { rule523 } from './rule-523.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 523: DATE_INT is the date of the should-be-placed decision', () => {
  it('flags a different date', () => {
    expect(
      where(
        run(
          rule523,
          tables({ AD1: [{ DATE_INT: '2025-05-01' }], PlacedAdoption: [{ DATE_PLACED: '2025-05-02' }] }),
        ),
      ),
    ).toEqual(['AD1:0:DATE_INT | PlacedAdoption:0:DATE_PLACED'])
  })
  it('accepts the same date, leaving an earlier reversed decision aside', () => {
    expect(
      run(
        rule523,
        tables({
          AD1: [{ DATE_INT: '2025-05-01' }],
          PlacedAdoption: [
            { DATE_PLACED: '2024-05-01', DATE_PLACED_CEASED: '2025-04-10', REASON_PLACED_CEASED: 'RD1' },
            { DATE_PLACED: '2025-05-01' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
