import { describe, expect, it } from 'vitest'
import { rule575 } from './rule-575.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 575: a missing episode ends when its placement does', () => {
  it('flags one open after the placement ended', () => {
    expect(
      where(
        run(
          rule575,
          tables({
            Episodes: [
              { DEC: '2025-08-01', REC: 'X1' },
              { DECOM: '2025-08-01', RNE: 'P' },
            ],
            Missing: [{ MISSING: 'M', MIS_START: '2025-07-20' }],
          }),
        ),
      ),
    ).toEqual(['Missing:0:MIS_END | Episodes:0:DEC'])
  })
  it('accepts one open in the current placement', () => {
    expect(
      run(rule575, tables({ Episodes: [{}], Missing: [{ MISSING: 'M', MIS_START: '2026-03-20' }] })),
    ).toEqual([])
  })
})
