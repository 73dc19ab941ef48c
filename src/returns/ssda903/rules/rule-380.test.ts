import { describe, expect, it } from 'vitest'
import { rule380 } from './rule-380.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 380: care starts in a temporary placement', () => {
  it('flags care starting in T4', () => {
    expect(where(run(rule380, tables({ Episodes: [{ PLACE: 'T4', PLACE_PROVIDER: null }] })))).toEqual([
      'Episodes:0:PLACE+RNE',
    ])
  })
  it('accepts care starting in foster care', () => {
    expect(run(rule380, tables({ Episodes: [{}] }))).toEqual([])
  })
})
