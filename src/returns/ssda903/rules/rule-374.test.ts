import { describe, expect, it } from 'vitest'
import { rule374 } from './rule-374.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 374: placement P3 from the age of 14', () => {
  it('flags a placement beginning the day before the birthday', () => {
    expect(
      where(run(rule374, tables({ Header: [{ DOB: '2011-05-02' }], Episodes: [{ PLACE: 'P3' }] }))),
    ).toEqual(['Episodes:0:DECOM+PLACE | Header:0:DOB'])
  })
  it('accepts one beginning on the birthday', () => {
    expect(run(rule374, tables({ Header: [{ DOB: '2011-05-01' }], Episodes: [{ PLACE: 'P3' }] }))).toEqual([])
  })
})
