import { describe, expect, it } from 'vitest'
import { rule620 } from './rule-620.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 620: a mother at least 11', () => {
  it('flags a mother 11 after 1 April', () => {
    expect(where(run(rule620, tables({ Header: [{ DOB: '2014-04-02', MOTHER: '1' }] })))).toEqual([
      'Header:0:DOB+MOTHER',
    ])
  })
  it('accepts one 11 on 1 April, and MOTHER 0 for a younger girl', () => {
    expect(
      run(
        rule620,
        tables({
          Header: [
            { DOB: '2014-04-01', MOTHER: '1' },
            { CHILD: '2', DOB: '2016-01-01' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
