import { describe, expect, it } from 'vitest'
import { rule387 } from './rule-387.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 387: independent living from 14', () => {
  it('flags a 13-year-old moving to independent living', () => {
    expect(
      where(run(rule387, tables({ Header: [{}], Episodes: [{ DEC: '2025-09-01', REC: 'E6' }] }))),
    ).toEqual(['Episodes:0:REC+DEC | Header:0:DOB'])
  })
  it('accepts a 16-year-old', () => {
    expect(
      run(rule387, tables({ Header: [{ DOB: '2009-01-01' }], Episodes: [{ DEC: '2025-09-01', REC: 'E5' }] })),
    ).toEqual([])
  })
})
