import { describe, expect, it } from 'vitest'
import { rule434 } from './rule-434.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 434: legal status change only', () => {
  it('flags L with the same legal status, and L with a new postcode', () => {
    expect(
      where(
        run(
          rule434,
          tables({
            Episodes: [
              { DEC: '2025-06-01', REC: 'X1' },
              { DECOM: '2025-06-01', RNE: 'L', DEC: '2025-07-01', REC: 'X1' },
              { DECOM: '2025-07-01', RNE: 'L', LS: 'C1', PL_POST: 'M9 9ZZ' },
            ],
          }),
        ),
      ),
    ).toEqual([
      'Episodes:1:RNE+LS+PLACE+PL_POST+URN+PLACE_PROVIDER',
      'Episodes:2:RNE+LS+PLACE+PL_POST+URN+PLACE_PROVIDER',
    ])
  })
  it('accepts L with a new legal status in the same placement', () => {
    expect(
      run(
        rule434,
        tables({
          Episodes: [
            { DEC: '2025-06-01', REC: 'X1' },
            { DECOM: '2025-06-01', RNE: 'L', LS: 'C1' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
