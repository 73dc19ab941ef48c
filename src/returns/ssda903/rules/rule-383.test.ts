import { describe, expect, it } from 'vitest'
import { rule383 } from './rule-383.ts'
import { run, tables, where } from './test-tables.ts'

const usual = { PLACE: 'U4', PL_POST: 'M2 2BB', DEC: '2025-07-01', REC: 'X1' }
const hospital = {
  DECOM: '2025-07-01',
  RNE: 'P',
  PLACE: 'T1',
  PL_POST: 'M3 3CC',
  DEC: '2025-07-10',
  REC: 'X1',
}

describe('rule 383: back to the usual placement after a temporary one', () => {
  it('flags a move on to a different placement', () => {
    expect(
      where(
        run(
          rule383,
          tables({
            Episodes: [usual, hospital, { DECOM: '2025-07-10', RNE: 'P', PLACE: 'K2', PL_POST: 'M4 4DD' }],
          }),
        ),
      ),
    ).toEqual(['Episodes:2:RNE+PLACE+PL_POST | Episodes:0:PLACE+PL_POST'])
  })
  it('accepts the return to the same placement', () => {
    expect(
      run(
        rule383,
        tables({
          Episodes: [usual, hospital, { DECOM: '2025-07-10', RNE: 'P', PLACE: 'U4', PL_POST: 'M2 2BB' }],
        }),
      ),
    ).toEqual([])
  })
})
