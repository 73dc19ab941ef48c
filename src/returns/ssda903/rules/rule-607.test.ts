import { describe, expect, it } from 'vitest'
import { rule607 } from './rule-607.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 607: mother field when a girl leaves care', () => {
  it('flags a girl leaving care with the mother field blank', () => {
    expect(
      where(
        run(rule607, tables({ Header: [{ MOTHER: null }], Episodes: [{ DEC: '2025-09-01', REC: 'E13' }] })),
      ),
    ).toEqual(['Header:0:MOTHER+SEX | Episodes:0:DEC+REC+LS'])
  })
  it('accepts MOTHER 0', () => {
    expect(run(rule607, tables({ Header: [{}], Episodes: [{ DEC: '2025-09-01', REC: 'E13' }] }))).toEqual([])
  })
})
