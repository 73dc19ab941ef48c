import { describe, expect, it } from 'vitest'
import { rule621 } from './rule-621.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 621: mother younger than her child', () => {
  it('flags a child born before the mother', () => {
    expect(where(run(rule621, tables({ Header: [{ MOTHER: '1', MC_DOB: '2011-01-01' }] })))).toEqual([
      'Header:0:DOB+MC_DOB',
    ])
  })
  it('accepts a child born after the mother', () => {
    expect(run(rule621, tables({ Header: [{ MOTHER: '1', MC_DOB: '2028-01-01' }] }))).toEqual([])
  })
})
