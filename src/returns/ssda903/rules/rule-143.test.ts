import { describe, expect, it } from 'vitest'
import { rule143 } from './rule-143.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 143: reason for new episode code', () => {
  it('flags RNE X', () => {
    expect(where(run(rule143, tables({ Episodes: [{ RNE: 'X' }] })))).toEqual(['Episodes:0:RNE'])
  })
  it('accepts RNE S', () => {
    expect(run(rule143, tables({ Episodes: [{ RNE: 'S' }] }))).toEqual([])
  })
})
