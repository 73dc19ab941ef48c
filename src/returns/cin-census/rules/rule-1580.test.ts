import { describe, expect, it } from 'vitest'
import { rule1580 } from './rule-1580.ts'
import { child, run, tables, where } from './test-tables.ts'

describe('rule 1580: LA child ID characters', () => {
  it('flags punctuation', () => {
    expect(where(run(rule1580, tables([child({ LAchildID: 'child_1' })])))).toEqual([
      'ChildIdentifiers:0:LAchildID',
    ])
  })
  it('accepts letters and digits', () => {
    expect(run(rule1580, tables([child({ LAchildID: 'Child1' })]))).toEqual([])
  })
})
