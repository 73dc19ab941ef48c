import { describe, expect, it } from 'vitest'
import { rule218 } from './rule-218.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 218: URN required', () => {
  it('flags a foster placement open in the year with no URN', () => {
    expect(where(run(rule218, tables({ Episodes: [{ PLACE: 'U4', URN: null }] })))).toEqual([
      'Episodes:0:URN',
    ])
  })
  it('accepts a URN, a placement with parents, a short break and an episode ended before the year', () => {
    expect(
      run(
        rule218,
        tables({
          Episodes: [
            { PLACE: 'U4', URN: 'XXXXXXX' },
            { CHILD: '2', PLACE: 'P1', URN: null },
            { CHILD: '3', PLACE: 'K2', LS: 'V3', URN: null },
            { CHILD: '4', DECOM: '2024-01-01', DEC: '2025-03-01', REC: 'E4A', URN: null },
          ],
        }),
      ),
    ).toEqual([])
  })
})
