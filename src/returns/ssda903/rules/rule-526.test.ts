import { describe, expect, it } from 'vitest'
import { rule526 } from './rule-526.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 526: placement provider missing', () => {
  it('flags foster care with no provider', () => {
    expect(where(run(rule526, tables({ Episodes: [{ PLACE_PROVIDER: null }] })))).toEqual([
      'Episodes:0:PLACE+PLACE_PROVIDER',
    ])
  })
  it('accepts a temporary placement with no provider', () => {
    expect(run(rule526, tables({ Episodes: [{ PLACE: 'T3', PLACE_PROVIDER: null }] }))).toEqual([])
  })
})
