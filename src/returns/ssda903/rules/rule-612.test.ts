import { describe, expect, it } from 'vitest'
import { rule612 } from './rule-612.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 612: child’s date of birth but not a mother', () => {
  it('flags MOTHER 0 with a child date of birth', () => {
    expect(where(run(rule612, tables({ Header: [{ MOTHER: '0', MC_DOB: '2025-02-01' }] })))).toEqual([
      'Header:0:SEX+MOTHER+MC_DOB',
    ])
  })
  it('accepts MOTHER 0 with no child date of birth', () => {
    expect(run(rule612, tables({ Header: [{}] }))).toEqual([])
  })
})
