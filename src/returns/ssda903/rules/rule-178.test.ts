import { describe, expect, it } from 'vitest'
import { rule178 } from './rule-178.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 178: placement provider code', () => {
  it('flags PR6, and a provider for a T0 placement', () => {
    expect(
      where(run(rule178, tables({ Episodes: [{ PLACE_PROVIDER: 'PR6' }, { CHILD: '2', PLACE: 'T0' }] }))),
    ).toEqual(['Episodes:0:PLACE_PROVIDER', 'Episodes:1:PLACE_PROVIDER'])
  })
  it('accepts PR1, and a blank provider', () => {
    expect(
      run(rule178, tables({ Episodes: [{}, { CHILD: '2', PLACE: 'T1', PLACE_PROVIDER: null }] })),
    ).toEqual([])
  })
})
