import { describe, expect, it } from 'vitest'
import { rule359 } from './rule-359.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 359: looked after past 18 only under V2 in K2', () => {
  it('flags a 19-year-old still in foster care at 31 March', () => {
    expect(where(run(rule359, tables({ Header: [{ DOB: '2007-01-01' }], Episodes: [{}] })))).toEqual([
      'Episodes:0:DEC+LS+PLACE | Header:0:DOB',
    ])
  })
  it('accepts V2 in a children’s home, and a child under 18', () => {
    expect(
      run(
        rule359,
        tables({
          Header: [{ DOB: '2007-01-01' }, { CHILD: '2' }],
          Episodes: [{ LS: 'V2', PLACE: 'K2' }, { CHILD: '2' }],
        }),
      ),
    ).toEqual([])
  })
})
