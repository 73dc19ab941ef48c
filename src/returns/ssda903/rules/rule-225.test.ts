import { describe, expect, it } from 'vitest'
import { rule225 } from './rule-225.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 225: reason for placement change recorded', () => {
  it('flags a move with no reason', () => {
    expect(
      where(
        run(
          rule225,
          tables({
            Episodes: [
              { DEC: '2025-06-01', REC: 'X1' },
              { DECOM: '2025-06-01', RNE: 'P', PLACE: 'U4' },
            ],
          }),
        ),
      ),
    ).toEqual(['Episodes:0:REASON_PLACE_CHANGE'])
  })
  it('accepts a move with a reason, and a move into a temporary placement', () => {
    expect(
      run(
        rule225,
        tables({
          Episodes: [
            { DEC: '2025-06-01', REC: 'X1', REASON_PLACE_CHANGE: 'CARPL' },
            { DECOM: '2025-06-01', RNE: 'P', PLACE: 'U4', DEC: '2025-07-01', REC: 'X1' },
            { DECOM: '2025-07-01', RNE: 'P', PLACE: 'T1', PLACE_PROVIDER: null },
          ],
        }),
      ),
    ).toEqual([])
  })
})
