import { describe, expect, it } from 'vitest'
import { rule435 } from './rule-435.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 435: placement change only', () => {
  it('flags P with a new legal status, and P where nothing changed', () => {
    expect(
      where(
        run(
          rule435,
          tables({
            Episodes: [
              { URN: 'SC1', DEC: '2025-06-01', REC: 'X1' },
              {
                DECOM: '2025-06-01',
                RNE: 'P',
                LS: 'C1',
                PLACE: 'R1',
                URN: 'SC1',
                DEC: '2025-07-01',
                REC: 'X1',
              },
              { DECOM: '2025-07-01', RNE: 'P', LS: 'C1', PLACE: 'R1', URN: 'SC1' },
            ],
          }),
        ),
      ),
    ).toEqual([
      'Episodes:1:LS+PLACE+PL_POST+URN+PLACE_PROVIDER',
      'Episodes:2:LS+PLACE+PL_POST+URN+PLACE_PROVIDER',
    ])
  })
  it('accepts P with a new placement and the same legal status', () => {
    expect(
      run(
        rule435,
        tables({
          Episodes: [
            { DEC: '2025-06-01', REC: 'X1' },
            { DECOM: '2025-06-01', RNE: 'P', PLACE: 'U4', PL_POST: 'M3 3CC' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
