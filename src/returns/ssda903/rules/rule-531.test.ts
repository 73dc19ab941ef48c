import { describe, expect, it } from 'vitest'
import { rule531 } from './rule-531.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 531: voluntary provision cannot be with parents', () => {
  it('flags PR5 with P1', () => {
    expect(where(run(rule531, tables({ Episodes: [{ PLACE: 'P1', PLACE_PROVIDER: 'PR5' }] })))).toEqual([
      'Episodes:0:PLACE+PLACE_PROVIDER',
    ])
  })
  it('accepts PR5 with K2', () => {
    expect(run(rule531, tables({ Episodes: [{ PLACE: 'K2', PLACE_PROVIDER: 'PR5' }] }))).toEqual([])
  })
})
