import { describe, expect, it } from 'vitest'
import { rule373 } from './rule-373.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 373: placement S1 from the age of 4', () => {
  it('flags a placement beginning the day before the birthday', () => {
    expect(
      where(run(rule373, tables({ Header: [{ DOB: '2021-05-02' }], Episodes: [{ PLACE: 'S1' }] }))),
    ).toEqual(['Episodes:0:DECOM+PLACE | Header:0:DOB'])
  })
  it('accepts one beginning on the birthday', () => {
    expect(run(rule373, tables({ Header: [{ DOB: '2021-05-01' }], Episodes: [{ PLACE: 'S1' }] }))).toEqual([])
  })
})
