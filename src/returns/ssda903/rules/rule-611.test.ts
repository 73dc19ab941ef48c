import { describe, expect, it } from 'vitest'
import { rule611 } from './rule-611.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 611: mother without her child’s date of birth', () => {
  it('flags a mother with no child date of birth', () => {
    expect(where(run(rule611, tables({ Header: [{ MOTHER: '1' }] })))).toEqual(['Header:0:MOTHER+MC_DOB'])
  })
  it('accepts a mother with her child’s date of birth', () => {
    expect(run(rule611, tables({ Header: [{ MOTHER: '1', MC_DOB: '2025-02-01' }] }))).toEqual([])
  })
})
