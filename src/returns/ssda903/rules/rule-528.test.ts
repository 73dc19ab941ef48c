import { describe, expect, it } from 'vitest'
import { rule528 } from './rule-528.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 528: other LA cannot be with parents, R2 or R5', () => {
  it('flags PR2 with P1', () => {
    expect(where(run(rule528, tables({ Episodes: [{ PLACE: 'P1', PLACE_PROVIDER: 'PR2' }] })))).toEqual([
      'Episodes:0:PLACE+PLACE_PROVIDER',
    ])
  })
  it('accepts PR2 with U4', () => {
    expect(run(rule528, tables({ Episodes: [{ PLACE: 'U4', PLACE_PROVIDER: 'PR2' }] }))).toEqual([])
  })
})
