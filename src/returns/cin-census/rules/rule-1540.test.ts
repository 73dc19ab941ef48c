import { describe, expect, it } from 'vitest'
import { rule1540 } from './rule-1540.ts'
import { child, run, tables, where } from './test-tables.ts'

describe('rule 1540: UPN characters 5-12', () => {
  it('flags a letter in characters 5-12', () => {
    expect(where(run(rule1540, tables([child({ UPN: 'X2010000A0120' })])))).toEqual([
      'ChildIdentifiers:0:UPN',
    ])
  })
  it('accepts digits', () => {
    expect(run(rule1540, tables([child()]))).toEqual([])
  })
})
