import { describe, expect, it } from 'vitest'
import { rule551 } from './rule-551.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 551: placed for adoption with a should-be-placed decision', () => {
  it('flags a placement for adoption with no decision', () => {
    expect(where(run(rule551, tables({ Episodes: [{ PLACE: 'A4' }] })))).toEqual(['Episodes:0:PLACE'])
  })
  it('accepts one with a decision', () => {
    expect(
      run(rule551, tables({ Episodes: [{ PLACE: 'A4' }], PlacedAdoption: [{ DATE_PLACED: '2025-04-20' }] })),
    ).toEqual([])
  })
})
