import { describe, expect, it } from 'vitest'
import { rule444 } from './rule-444.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 444: duplicate UPN', () => {
  it('flags every child sharing a UPN', () => {
    expect(
      where(run(rule444, tables({ Header: [{}, { CHILD: '2' }, { CHILD: '3', UPN: 'B123456789012' }] }))),
    ).toEqual(['Header:0:UPN', 'Header:1:UPN'])
  })
  it('lets unknown-UPN codes repeat', () => {
    expect(run(rule444, tables({ Header: [{ UPN: 'UN1' }, { CHILD: '2', UPN: 'UN1' }] }))).toEqual([])
  })
})
