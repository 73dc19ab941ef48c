import { describe, expect, it } from 'vitest'
import { rule460 } from './rule-460.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 460: staying put from 18', () => {
  it('flags E17 the day before the 18th birthday', () => {
    expect(
      where(
        run(
          rule460,
          tables({ Header: [{ DOB: '2007-09-02' }], Episodes: [{ DEC: '2025-09-01', REC: 'E17' }] }),
        ),
      ),
    ).toEqual(['Episodes:0:REC+DEC | Header:0:DOB'])
  })
  it('accepts E17 on the 18th birthday', () => {
    expect(
      run(
        rule460,
        tables({ Header: [{ DOB: '2007-09-01' }], Episodes: [{ DEC: '2025-09-01', REC: 'E17' }] }),
      ),
    ).toEqual([])
  })
})
