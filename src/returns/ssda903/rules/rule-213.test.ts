import { describe, expect, it } from 'vitest'
import { rule213 } from './rule-213.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 213: no provider for temporary placements', () => {
  it('flags a provider for a temporary placement', () => {
    expect(where(run(rule213, tables({ Episodes: [{ PLACE: 'T2', PLACE_PROVIDER: 'PR2' }] })))).toEqual([
      'Episodes:0:PLACE_PROVIDER',
    ])
  })
  it('accepts no provider for a temporary placement', () => {
    expect(run(rule213, tables({ Episodes: [{ PLACE: 'T2', PLACE_PROVIDER: null }] }))).toEqual([])
  })
})
