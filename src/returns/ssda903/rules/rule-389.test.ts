import { describe, expect, it } from 'vitest'
import { rule389 } from './rule-389.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 389: adult social care from 16', () => {
  it('flags a 13-year-old transferred to adult services', () => {
    expect(
      where(run(rule389, tables({ Header: [{}], Episodes: [{ DEC: '2025-09-01', REC: 'E7' }] }))),
    ).toEqual(['Episodes:0:REC+DEC | Header:0:DOB'])
  })
  it('accepts a 17-year-old', () => {
    expect(
      run(rule389, tables({ Header: [{ DOB: '2008-01-01' }], Episodes: [{ DEC: '2025-09-01', REC: 'E7' }] })),
    ).toEqual([])
  })
})
