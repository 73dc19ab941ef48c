import { describe, expect, it } from 'vitest'
import { rule120 } from './rule-120.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 120: reason decision reversed code', () => {
  it('flags RD5', () => {
    expect(where(run(rule120, tables({ PlacedAdoption: [{ REASON_PLACED_CEASED: 'RD5' }] })))).toEqual([
      'PlacedAdoption:0:REASON_PLACED_CEASED',
    ])
  })
  it('accepts RD4', () => {
    expect(run(rule120, tables({ PlacedAdoption: [{ REASON_PLACED_CEASED: 'RD4' }] }))).toEqual([])
  })
})
