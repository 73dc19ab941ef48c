import { describe, expect, it } from 'vitest'
import { rule527 } from './rule-527.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 527: own provision cannot be with parents, R2 or R5', () => {
  it('flags PR1 with R2', () => {
    expect(where(run(rule527, tables({ Episodes: [{ PLACE: 'R2', PLACE_PROVIDER: 'PR1' }] })))).toEqual([
      'Episodes:0:PLACE+PLACE_PROVIDER',
    ])
  })
  it('accepts PR1 with U1', () => {
    expect(run(rule527, tables({ Episodes: [{ PLACE: 'U1', PLACE_PROVIDER: 'PR1' }] }))).toEqual([])
  })
})
