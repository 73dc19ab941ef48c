import { describe, expect, it } from 'vitest'
import { rule398 } from './rule-398.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 398: no postcodes for short breaks', () => {
  it('flags a short break with a home postcode', () => {
    expect(where(run(rule398, tables({ Episodes: [{ LS: 'V4', PL_POST: null }] })))).toEqual([
      'Episodes:0:LS+HOME_POST+PL_POST',
    ])
  })
  it('accepts a short break with neither', () => {
    expect(run(rule398, tables({ Episodes: [{ LS: 'V4', HOME_POST: null, PL_POST: null }] }))).toEqual([])
  })
})
