import { describe, expect, it } from 'vitest'
import { rule552 } from './rule-552.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 552: decision before the placement for adoption', () => {
  it('flags a decision after the placement began', () => {
    expect(
      where(
        run(
          rule552,
          tables({ Episodes: [{ PLACE: 'A3' }], PlacedAdoption: [{ DATE_PLACED: '2025-05-02' }] }),
        ),
      ),
    ).toEqual(['PlacedAdoption:0:DATE_PLACED | Episodes:0:DECOM'])
  })
  it('accepts one on the day', () => {
    expect(
      run(rule552, tables({ Episodes: [{ PLACE: 'A3' }], PlacedAdoption: [{ DATE_PLACED: '2025-05-01' }] })),
    ).toEqual([])
  })
})
