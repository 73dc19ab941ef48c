import { describe, expect, it } from 'vitest'
import { rule174 } from './rule-174.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 174: mother’s child but male', () => {
  it('flags a boy with a mother’s child date of birth', () => {
    expect(
      where(run(rule174, tables({ Header: [{ SEX: 'M', MOTHER: null, MC_DOB: '2025-01-01' }] }))),
    ).toEqual(['Header:0:MC_DOB+SEX'])
  })
  it('accepts a girl who is a mother', () => {
    expect(run(rule174, tables({ Header: [{ MOTHER: '1', MC_DOB: '2025-01-01' }] }))).toEqual([])
  })
})
