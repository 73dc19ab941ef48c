import { describe, expect, it } from 'vitest'
import { rule563 } from './rule-563.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 563: a reversal has its decision date', () => {
  it('flags a reversal without DATE_PLACED', () => {
    expect(
      where(
        run(
          rule563,
          tables({ PlacedAdoption: [{ DATE_PLACED_CEASED: '2025-11-01', REASON_PLACED_CEASED: 'RD1' }] }),
        ),
      ),
    ).toEqual(['PlacedAdoption:0:DATE_PLACED+REASON_PLACED_CEASED+DATE_PLACED_CEASED'])
  })
  it('accepts one with it', () => {
    expect(
      run(
        rule563,
        tables({
          PlacedAdoption: [
            { DATE_PLACED: '2025-04-20', DATE_PLACED_CEASED: '2025-11-01', REASON_PLACED_CEASED: 'RD1' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
