import { describe, expect, it } from 'vitest'
import { rule226 } from './rule-226.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 226: no reason for placement change around temporary placements', () => {
  it('flags a temporary placement after an episode with a reason', () => {
    expect(
      where(
        run(
          rule226,
          tables({
            Episodes: [
              { DEC: '2025-06-01', REC: 'X1', REASON_PLACE_CHANGE: 'CARPL' },
              { DECOM: '2025-06-01', RNE: 'P', PLACE: 'T1', PLACE_PROVIDER: null },
            ],
          }),
        ),
      ),
    ).toEqual(['Episodes:1:REASON_PLACE_CHANGE+PLACE'])
  })
  it('accepts a temporary placement with no reasons', () => {
    expect(
      run(
        rule226,
        tables({
          Episodes: [
            { DEC: '2025-06-01', REC: 'X1' },
            { DECOM: '2025-06-01', RNE: 'P', PLACE: 'T1', PLACE_PROVIDER: null },
          ],
        }),
      ),
    ).toEqual([])
  })
})
