import { describe, expect, it } from 'vitest'
import { rule118 } from './rule-118.ts'
import { run, tables, where } from './test-tables.ts'

const reversed = (on: string) => ({
  DATE_PLACED: '2024-06-01',
  DATE_PLACED_CEASED: on,
  REASON_PLACED_CEASED: 'RD1',
})

describe('rule 118: reversals in the year, while looked after', () => {
  it('flags a reversal before 1 April', () => {
    expect(
      where(
        run(
          rule118,
          tables({ Episodes: [{ DECOM: '2024-01-01' }], PlacedAdoption: [reversed('2025-03-31')] }),
        ),
      ),
    ).toEqual(['PlacedAdoption:0:DATE_PLACED_CEASED'])
  })
  it('flags one before the first episode of the year began', () => {
    expect(where(run(rule118, tables({ Episodes: [{}], PlacedAdoption: [reversed('2025-04-20')] })))).toEqual(
      ['PlacedAdoption:0:DATE_PLACED_CEASED | Episodes:0:DECOM'],
    )
  })
  it('accepts one in the year while in care', () => {
    expect(run(rule118, tables({ Episodes: [{}], PlacedAdoption: [reversed('2025-06-01')] }))).toEqual([])
  })
})
