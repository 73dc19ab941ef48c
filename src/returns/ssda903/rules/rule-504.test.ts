import { describe, expect, it } from 'vitest'
import { rule504 } from './rule-504.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 504: category of need changes within a period', () => {
  it('flags a new category of need in a continuation episode', () => {
    expect(
      where(
        run(
          rule504,
          tables({
            Episodes: [
              { DEC: '2025-06-01', REC: 'X1' },
              { DECOM: '2025-06-01', RNE: 'L', LS: 'C1', CIN: 'N2' },
            ],
          }),
        ),
      ),
    ).toEqual(['Episodes:1:CIN'])
  })
  it('accepts the same category of need', () => {
    expect(
      run(
        rule504,
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
