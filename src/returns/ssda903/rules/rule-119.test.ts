import { describe, expect, it } from 'vitest'
import { rule119 } from './rule-119.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 119: decision reversed: date and reason together', () => {
  it('flags a date with no reason', () => {
    expect(
      where(
        run(
          rule119,
          tables({ PlacedAdoption: [{ DATE_PLACED: '2025-05-01', DATE_PLACED_CEASED: '2025-09-01' }] }),
        ),
      ),
    ).toEqual(['PlacedAdoption:0:DATE_PLACED_CEASED+REASON_PLACED_CEASED'])
  })
  it('accepts a date with a reason', () => {
    expect(
      run(
        rule119,
        tables({
          PlacedAdoption: [
            { DATE_PLACED: '2025-05-01', DATE_PLACED_CEASED: '2025-09-01', REASON_PLACED_CEASED: 'RD1' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
