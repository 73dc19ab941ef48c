import { describe, expect, it } from 'vitest'
import { rule583 } from './rule-583.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 583: only the latest decision left unreversed', () => {
  it('flags two decisions in force', () => {
    expect(
      where(
        run(
          rule583,
          tables({ PlacedAdoption: [{ DATE_PLACED: '2024-05-01' }, { DATE_PLACED: '2025-05-01' }] }),
        ),
      ),
    ).toEqual([
      'PlacedAdoption:0:DATE_PLACED+DATE_PLACED_CEASED',
      'PlacedAdoption:1:DATE_PLACED+DATE_PLACED_CEASED',
    ])
  })
  it('flags an earlier decision in force beside a later reversed one', () => {
    expect(
      where(
        run(
          rule583,
          tables({
            PlacedAdoption: [
              { DATE_PLACED: '2024-05-01' },
              { DATE_PLACED: '2025-05-01', DATE_PLACED_CEASED: '2025-09-01', REASON_PLACED_CEASED: 'RD1' },
            ],
          }),
        ),
      ),
    ).toEqual(['PlacedAdoption:0:DATE_PLACED+DATE_PLACED_CEASED'])
  })
  it('accepts an earlier reversed decision and a later one in force', () => {
    expect(
      run(
        rule583,
        tables({
          PlacedAdoption: [
            { DATE_PLACED: '2024-05-01', DATE_PLACED_CEASED: '2025-04-09', REASON_PLACED_CEASED: 'RD1' },
            { DATE_PLACED: '2025-05-01' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
