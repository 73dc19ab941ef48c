import { describe, expect, it } from 'vitest'
import { rule103 } from './rule-103.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 103: ethnicity code', () => {
  it('flags a blank and an unknown code', () => {
    expect(
      where(run(rule103, tables({ Header: [{ ETHNIC: null }, { CHILD: '2', ETHNIC: 'WXYZ' }] }))),
    ).toEqual(['Header:0:ETHNIC', 'Header:1:ETHNIC'])
  })
  it('accepts DfE codes including REFU and NOBT', () => {
    expect(run(rule103, tables({ Header: [{ ETHNIC: 'REFU' }, { CHILD: '2', ETHNIC: 'NOBT' }] }))).toEqual([])
  })
})
