import { describe, expect, it } from 'vitest'
import { rule442 } from './rule-442.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 442: UPN completed', () => {
  it('flags a blank UPN', () => {
    expect(where(run(rule442, tables({ Header: [{ UPN: null }] })))).toEqual(['Header:0:UPN'])
  })
  it('accepts an unknown-UPN code', () => {
    expect(run(rule442, tables({ Header: [{ UPN: 'UN4' }] }))).toEqual([])
  })
})
