import { describe, expect, it } from 'vitest'
import { rule530 } from './rule-530.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 530: private provision cannot be with parents', () => {
  it('flags PR4 with P1', () => {
    expect(where(run(rule530, tables({ Episodes: [{ PLACE: 'P1', PLACE_PROVIDER: 'PR4' }] })))).toEqual([
      'Episodes:0:PLACE+PLACE_PROVIDER',
    ])
  })
  it('accepts PR4 with K2', () => {
    expect(run(rule530, tables({ Episodes: [{ PLACE: 'K2', PLACE_PROVIDER: 'PR4' }] }))).toEqual([])
  })
})
