import { describe, expect, it } from 'vitest'
import { rule392d } from './rule-392d.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 392d: home and placement postcodes differ unless placed with parents', () => {
  it('flags the same postcode, however spaced, for a foster placement', () => {
    expect(where(run(rule392d, tables({ Episodes: [{ HOME_POST: 'M1 1AA', PL_POST: 'm11aa' }] })))).toEqual([
      'Episodes:0:HOME_POST+PL_POST+PLACE',
    ])
  })
  it('accepts it for a placement with parents, and different postcodes', () => {
    expect(run(rule392d, tables({ Episodes: [{ PLACE: 'P1', PL_POST: 'M1 1AA' }, { CHILD: '2' }] }))).toEqual(
      [],
    )
  })
})
