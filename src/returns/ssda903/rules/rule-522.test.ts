import { describe, expect, it } from 'vitest'
import { rule522 } from './rule-522.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 522: decision reversed before it was made', () => {
  it('flags a reversal before the decision', () => {
    expect(
      where(
        run(
          rule522,
          tables({
            PlacedAdoption: [
              { DATE_PLACED: '2025-05-01', DATE_PLACED_CEASED: '2025-04-01', REASON_PLACED_CEASED: 'RD1' },
            ],
          }),
        ),
      ),
    ).toEqual(['PlacedAdoption:0:DATE_PLACED+DATE_PLACED_CEASED'])
  })
  it('accepts a reversal after it', () => {
    expect(
      run(
        rule522,
        tables({
          PlacedAdoption: [
            { DATE_PLACED: '2025-05-01', DATE_PLACED_CEASED: '2025-06-01', REASON_PLACED_CEASED: 'RD1' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
