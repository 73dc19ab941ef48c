import { describe, expect, it } from 'vitest'
import { rule436 } from './rule-436.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 436: legal status and placement change', () => {
  it('flags B with the same legal status', () => {
    expect(
      where(
        run(
          rule436,
          tables({
            Episodes: [
              { DEC: '2025-06-01', REC: 'X1' },
              { DECOM: '2025-06-01', RNE: 'B', PLACE: 'U4' },
            ],
          }),
        ),
      ),
    ).toEqual(['Episodes:1:RNE+LS+PLACE+PL_POST+URN+PLACE_PROVIDER'])
  })
  it('accepts B where both changed', () => {
    expect(
      run(
        rule436,
        tables({
          Episodes: [
            { DEC: '2025-06-01', REC: 'X1' },
            { DECOM: '2025-06-01', RNE: 'B', LS: 'C1', PLACE: 'U4' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
