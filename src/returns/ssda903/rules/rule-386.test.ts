import { describe, expect, it } from 'vitest'
import { rule386 } from './rule-386.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 386: adopted at 18 or over', () => {
  it('flags an adoption on the 18th birthday', () => {
    expect(
      where(
        run(
          rule386,
          tables({ Header: [{ DOB: '2007-06-01' }], Episodes: [{ DEC: '2025-06-01', REC: 'E11' }] }),
        ),
      ),
    ).toEqual(['Episodes:0:REC'])
  })
  it('accepts an adoption of a 13-year-old', () => {
    expect(run(rule386, tables({ Header: [{}], Episodes: [{ DEC: '2025-06-01', REC: 'E12' }] }))).toEqual([])
  })
})
