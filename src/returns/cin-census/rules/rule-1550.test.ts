import { describe, expect, it } from 'vitest'
import { rule1550 } from './rule-1550.ts'
import { child, run, tables, where } from './test-tables.ts'

describe('rule 1550: UPN character 13', () => {
  it('flags I, O or S as the last character', () => {
    expect(where(run(rule1550, tables([child({ UPN: 'X20100000012I' })])))).toEqual([
      'ChildIdentifiers:0:UPN',
    ])
  })
  it('accepts a digit or another letter', () => {
    expect(run(rule1550, tables([child(), child({ LAchildID: 'C2', UPN: 'X20100000012A' })]))).toEqual([])
  })
})
