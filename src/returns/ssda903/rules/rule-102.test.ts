import { describe, expect, it } from 'vitest'
import { rule102 } from './rule-102.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 102: date of birth', () => {
  it('flags a child with no date of birth', () => {
    expect(where(run(rule102, tables({ Header: [{ DOB: null }] })))).toEqual(['Header:0:DOB'])
  })
  it('accepts a date of birth', () => {
    expect(run(rule102, tables({ Header: [{}] }))).toEqual([])
  })
})
