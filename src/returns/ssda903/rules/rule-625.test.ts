import { describe, expect, it } from 'vitest'
import { rule625 } from './rule-625.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 625: first child born by 31 March or the end of care', () => {
  it('flags a birth after care ended', () => {
    expect(
      where(
        run(
          rule625,
          tables({
            Header: [{ DOB: '2008-01-01', MOTHER: '1', MC_DOB: '2025-12-01' }],
            Episodes: [{ DEC: '2025-11-01', REC: 'E4A' }],
          }),
        ),
      ),
    ).toEqual(['Header:0:MC_DOB | Episodes:0:DEC'])
  })
  it('flags a birth after 31 March', () => {
    expect(
      where(
        run(
          rule625,
          tables({ Header: [{ DOB: '2008-01-01', MOTHER: '1', MC_DOB: '2026-04-02' }], Episodes: [{}] }),
        ),
      ),
    ).toEqual(['Header:0:MC_DOB'])
  })
  it('accepts a birth while still in care after a change of placement', () => {
    expect(
      run(
        rule625,
        tables({
          Header: [{ DOB: '2008-01-01', MOTHER: '1', MC_DOB: '2025-12-01' }],
          Episodes: [
            { DEC: '2025-07-01', REC: 'X1' },
            { DECOM: '2025-07-01', RNE: 'P' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
