import { describe, expect, it } from 'vitest'
import { rule352 } from './rule-352.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 352: starting care at 18 or over', () => {
  it('flags care starting on the 18th birthday', () => {
    expect(
      where(run(rule352, tables({ Header: [{ DOB: '2007-05-01' }], Episodes: [{ DECOM: '2025-05-01' }] }))),
    ).toEqual(['Episodes:0:DECOM+RNE | Header:0:DOB'])
  })
  it('accepts care starting the day before', () => {
    expect(
      run(rule352, tables({ Header: [{ DOB: '2007-05-02' }], Episodes: [{ DECOM: '2025-05-01' }] })),
    ).toEqual([])
  })
})
