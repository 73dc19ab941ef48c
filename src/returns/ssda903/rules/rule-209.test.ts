import { describe, expect, it } from 'vitest'
import { rule209 } from './rule-209.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 209: UN1 only for children not yet of school age', () => {
  it('flags UN1 for a child 4 by 31 August 2024', () => {
    expect(where(run(rule209, tables({ Header: [{ DOB: '2020-08-31', UPN: 'UN1' }] })))).toEqual([
      'Header:0:UPN+DOB',
    ])
  })
  it('accepts UN1 for a child 4 on 1 September 2024', () => {
    expect(run(rule209, tables({ Header: [{ DOB: '2020-09-01', UPN: 'UN1' }] }))).toEqual([])
  })
})
