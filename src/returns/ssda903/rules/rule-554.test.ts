import { describe, expect, it } from 'vitest'
import { rule554 } from './rule-554.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 554: decision on or before the placement order', () => {
  it('flags a decision after the placement order', () => {
    expect(
      where(
        run(rule554, tables({ Episodes: [{ LS: 'E1' }], PlacedAdoption: [{ DATE_PLACED: '2025-05-02' }] })),
      ),
    ).toEqual(['PlacedAdoption:0:DATE_PLACED | Episodes:0:DECOM+LS'])
  })
  it('accepts one on the day', () => {
    expect(
      run(rule554, tables({ Episodes: [{ LS: 'E1' }], PlacedAdoption: [{ DATE_PLACED: '2025-05-01' }] })),
    ).toEqual([])
  })
})
