import { describe, expect, it } from 'vitest'
import { rule234 } from './rule-234.ts'
import { run, tables, where } from './test-tables.ts'

const moved = { DEC: '2025-08-01', REC: 'X1', REASON_PLACE_CHANGE: 'CUSTOD' }

describe('rule 234: custody under 10', () => {
  it('flags a nine-year-old moving for custody', () => {
    expect(where(run(rule234, tables({ Header: [{ DOB: '2016-01-01' }], Episodes: [moved] })))).toEqual([
      'Episodes:0:REASON_PLACE_CHANGE | Header:0:DOB',
    ])
  })
  it('accepts a 13-year-old', () => {
    expect(run(rule234, tables({ Header: [{}], Episodes: [moved] }))).toEqual([])
  })
})
