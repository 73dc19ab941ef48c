import { describe, expect, it } from 'vitest'
import { rule378 } from './rule-378.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 378: not placed with parents under section 20', () => {
  it('flags P1 under V2', () => {
    expect(where(run(rule378, tables({ Episodes: [{ PLACE: 'P1', LS: 'V2' }] })))).toEqual([
      'Episodes:0:PLACE+LS',
    ])
  })
  it('accepts P1 under a care order', () => {
    expect(run(rule378, tables({ Episodes: [{ PLACE: 'P1', LS: 'C2' }] }))).toEqual([])
  })
})
