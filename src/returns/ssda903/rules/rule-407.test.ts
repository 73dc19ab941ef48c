import { describe, expect, it } from 'vitest'
import { rule407 } from './rule-407.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 407: special guardianship before 18', () => {
  it('flags an order ending care after the 18th birthday', () => {
    expect(
      where(
        run(
          rule407,
          tables({ Header: [{ DOB: '2007-05-01' }], Episodes: [{ DEC: '2025-05-02', REC: 'E45' }] }),
        ),
      ),
    ).toEqual(['Episodes:0:REC+DEC | Header:0:DOB'])
  })
  it('accepts one on the birthday', () => {
    expect(
      run(
        rule407,
        tables({ Header: [{ DOB: '2007-05-02' }], Episodes: [{ DEC: '2025-05-02', REC: 'E46' }] }),
      ),
    ).toEqual([])
  })
})
