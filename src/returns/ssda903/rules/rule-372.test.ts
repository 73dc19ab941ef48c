import { describe, expect, it } from 'vitest'
import { rule372 } from './rule-372.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 372: placement R5 from the age of 10', () => {
  it('flags a placement beginning the day before the birthday', () => {
    expect(
      where(run(rule372, tables({ Header: [{ DOB: '2015-05-02' }], Episodes: [{ PLACE: 'R5' }] }))),
    ).toEqual(['Episodes:0:DECOM+PLACE | Header:0:DOB'])
  })
  it('accepts one beginning on the birthday', () => {
    expect(run(rule372, tables({ Header: [{ DOB: '2015-05-01' }], Episodes: [{ PLACE: 'R5' }] }))).toEqual([])
  })
})
