import { describe, expect, it } from 'vitest'
import { rule579 } from './rule-579.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 579: should-be-placed decisions overlap', () => {
  it('flags a new decision while the last is open', () => {
    expect(
      where(
        run(
          rule579,
          tables({ PlacedAdoption: [{ DATE_PLACED: '2025-05-01' }, { DATE_PLACED: '2025-09-01' }] }),
        ),
      ),
    ).toEqual(['PlacedAdoption:1:DATE_PLACED+DATE_PLACED_CEASED'])
  })
  it('accepts a new decision after the last was reversed', () => {
    expect(
      run(
        rule579,
        tables({
          PlacedAdoption: [
            { DATE_PLACED: '2025-05-01', DATE_PLACED_CEASED: '2025-07-01', REASON_PLACED_CEASED: 'RD3' },
            { DATE_PLACED: '2025-09-01' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
