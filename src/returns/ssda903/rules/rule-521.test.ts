import { describe, expect, it } from 'vitest'
import { rule521 } from './rule-521.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 521: should-be-placed decision before the placement for adoption', () => {
  it('flags a decision after the placement began', () => {
    expect(
      where(run(rule521, tables({ Episodes: [{ PLACE: 'A4' }], AD1: [{ DATE_INT: '2025-05-02' }] }))),
    ).toEqual(['AD1:0:DATE_INT | Episodes:0:DECOM+PLACE'])
  })
  it('accepts one on the day, and ignores other placements', () => {
    expect(
      run(
        rule521,
        tables({
          Episodes: [{ PLACE: 'A4' }, { PLACE: 'U4', DECOM: '2025-04-01' }],
          AD1: [{ DATE_INT: '2025-05-01' }],
        }),
      ),
    ).toEqual([])
  })
})
