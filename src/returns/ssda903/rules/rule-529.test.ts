import { describe, expect, it } from 'vitest'
import { rule529 } from './rule-529.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 529: other public provision', () => {
  it('flags PR3 with K2', () => {
    expect(where(run(rule529, tables({ Episodes: [{ PLACE: 'K2', PLACE_PROVIDER: 'PR3' }] })))).toEqual([
      'Episodes:0:PLACE+PLACE_PROVIDER',
    ])
  })
  it('accepts PR3 with S1', () => {
    expect(run(rule529, tables({ Episodes: [{ PLACE: 'S1', PLACE_PROVIDER: 'PR3' }] }))).toEqual([])
  })
})
