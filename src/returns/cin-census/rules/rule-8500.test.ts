import { describe, expect, it } from 'vitest'
import { rule8500 } from './rule-8500.ts'
import { child, run, tables, where } from './test-tables.ts'

describe('rule 8500: LA child ID missing', () => {
  it('flags a missing ID', () => {
    const issues = run(rule8500, tables([child({ LAchildID: null })]))
    expect(where(issues)).toEqual(['ChildIdentifiers:0:LAchildID'])
    expect(issues[0]?.laChildId).toBeNull()
  })
  it('accepts an ID', () => {
    expect(run(rule8500, tables([child()]))).toEqual([])
  })
})
