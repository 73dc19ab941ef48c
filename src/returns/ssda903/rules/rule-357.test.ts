import { describe, expect, it } from 'vitest'
import { rule357 } from './rule-357.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 357: first episode starts care', () => {
  it('flags a first episode in the year that is not S', () => {
    expect(where(run(rule357, tables({ Episodes: [{ RNE: 'P' }] })))).toEqual(['Episodes:0:RNE'])
  })
  it('accepts a continuing episode from before the year', () => {
    expect(run(rule357, tables({ Episodes: [{ DECOM: '2024-05-01', RNE: 'P' }] }))).toEqual([])
  })
})
