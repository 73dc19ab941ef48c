import { describe, expect, it } from 'vitest'
import { rule100 } from './rule-100.ts'
import { child, run, tables, where } from './test-tables.ts'

describe('rule 100: ReferenceDate', () => {
  it('flags a reference date that is not 31 March of the header year', () => {
    expect(where(run(rule100, tables([child()], { ReferenceDate: '2025-03-30' })))).toEqual([
      'Header:0:ReferenceDate',
    ])
    expect(where(run(rule100, tables([child()], { Year: '2024' })))).toEqual(['Header:0:ReferenceDate'])
    expect(where(run(rule100, tables([child()], { ReferenceDate: null })))).toEqual([
      'Header:0:ReferenceDate',
    ])
  })
  it('accepts 31 March of the header year', () => {
    expect(run(rule100, tables([child()]))).toEqual([])
  })
})
