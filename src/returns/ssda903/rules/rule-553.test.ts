import { describe, expect, it } from 'vitest'
import { rule553 } from './rule-553.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 553: placement order with a should-be-placed decision', () => {
  it('flags E1 with no decision', () => {
    expect(where(run(rule553, tables({ Episodes: [{ LS: 'E1' }] })))).toEqual(['Episodes:0:LS'])
  })
  it('accepts E1 with a decision, even one reversed while the order stands', () => {
    expect(
      run(
        rule553,
        tables({
          Episodes: [{ LS: 'E1' }],
          PlacedAdoption: [
            { DATE_PLACED: '2025-04-20', DATE_PLACED_CEASED: '2026-02-01', REASON_PLACED_CEASED: 'RD3' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
