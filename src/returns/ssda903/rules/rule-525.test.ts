import { describe, expect, it } from 'vitest'
import { rule525 } from './rule-525.ts'
import { run, tables, where } from './test-tables.ts'

const reversed = { DATE_PLACED: '2025-05-01', DATE_PLACED_CEASED: '2025-09-01', REASON_PLACED_CEASED: 'RD1' }

describe('rule 525: no adoption after a reversed decision', () => {
  it('flags a reversed decision for an adopted child', () => {
    expect(
      where(run(rule525, tables({ PlacedAdoption: [reversed], AD1: [{ DATE_INT: '2025-05-01' }] }))),
    ).toEqual(['PlacedAdoption:0:DATE_PLACED_CEASED | AD1:0:DATE_INT+DATE_MATCH'])
  })
  it('accepts a reversal with no adoption, and an adoption with the decision in force', () => {
    expect(
      run(
        rule525,
        tables({
          PlacedAdoption: [reversed, { CHILD: '2', DATE_PLACED: '2025-05-01' }],
          AD1: [{ CHILD: '2', DATE_INT: '2025-05-01' }],
        }),
      ),
    ).toEqual([])
  })
})
