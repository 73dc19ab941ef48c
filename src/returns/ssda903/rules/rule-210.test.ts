import { describe, expect, it } from 'vitest'
import { rule210 } from './rule-210.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 210: UN4 only for children newly looked after', () => {
  it('flags UN4 for a child in care since May', () => {
    expect(where(run(rule210, tables({ Header: [{ UPN: 'UN4' }], Episodes: [{}] })))).toEqual([
      'Header:0:UPN | Episodes:0:DECOM',
    ])
  })
  it('accepts UN4 for a child in care from 25 March, after an earlier period', () => {
    expect(
      run(
        rule210,
        tables({
          Header: [{ UPN: 'UN4' }],
          Episodes: [{ DEC: '2025-06-01', REC: 'E4A' }, { DECOM: '2026-03-25' }],
        }),
      ),
    ).toEqual([])
  })
})
