import { describe, expect, it } from 'vitest'
import { rule232 } from './rule-232.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 232: sex not known', () => {
  it('queries a child whose sex is not known', () => {
    expect(where(run(rule232, tables({ Header: [{ SEX: 'U' }] })))).toEqual(['Header:0:SEX'])
  })
  it('says nothing for M or F', () => {
    expect(run(rule232, tables({ Header: [{ SEX: 'M' }, { CHILD: '2' }] }))).toEqual([])
  })
})
