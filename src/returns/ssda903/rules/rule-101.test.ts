import { describe, expect, it } from 'vitest'
import { rule101 } from './rule-101.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 101: sex code', () => {
  it('flags the pre-2024 code 2 and a blank sex', () => {
    expect(where(run(rule101, tables({ Header: [{ SEX: '2' }, { CHILD: '2', SEX: null }] })))).toEqual([
      'Header:0:SEX',
      'Header:1:SEX',
    ])
  })
  it('accepts M, F and U', () => {
    expect(
      run(rule101, tables({ Header: [{ SEX: 'M' }, { CHILD: '2', SEX: 'F' }, { CHILD: '3', SEX: 'U' }] })),
    ).toEqual([])
  })
})
