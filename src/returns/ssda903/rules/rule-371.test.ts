import { describe, expect, it } from 'vitest'
import { rule371 } from './rule-371.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 371: placement K3 from the age of 16', () => {
  it('flags a placement beginning the day before the birthday', () => {
    expect(
      where(run(rule371, tables({ Header: [{ DOB: '2009-05-02' }], Episodes: [{ PLACE: 'K3' }] }))),
    ).toEqual(['Episodes:0:DECOM+PLACE | Header:0:DOB'])
  })
  it('accepts one beginning on the birthday', () => {
    expect(run(rule371, tables({ Header: [{ DOB: '2009-05-01' }], Episodes: [{ PLACE: 'K3' }] }))).toEqual([])
  })
})
