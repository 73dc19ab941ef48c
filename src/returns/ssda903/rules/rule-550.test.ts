import { describe, expect, it } from 'vitest'
import { rule550 } from './rule-550.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 550: parent(s) provider only with parents', () => {
  it('flags PR0 with U1', () => {
    expect(where(run(rule550, tables({ Episodes: [{ PLACE: 'U1', PLACE_PROVIDER: 'PR0' }] })))).toEqual([
      'Episodes:0:PLACE+PLACE_PROVIDER',
    ])
  })
  it('accepts PR0 with P1', () => {
    expect(run(rule550, tables({ Episodes: [{ PLACE: 'P1', PLACE_PROVIDER: 'PR0' }] }))).toEqual([])
  })
})
