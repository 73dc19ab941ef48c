import { describe, expect, it } from 'vitest'
import { rule1570 } from './rule-1570.ts'
import { child, run, tables, where } from './test-tables.ts'

describe('rule 1570: LA child ID length', () => {
  it('flags an ID longer than 20 characters', () => {
    expect(where(run(rule1570, tables([child({ LAchildID: 'A'.repeat(21) })])))).toEqual([
      'ChildIdentifiers:0:LAchildID',
    ])
  })
  it('accepts 20 characters and applies from 2024-25', () => {
    expect(run(rule1570, tables([child({ LAchildID: 'A'.repeat(20) })]))).toEqual([])
    expect(rule1570.years).toEqual(['2024-25', '2025-26'])
  })
})
