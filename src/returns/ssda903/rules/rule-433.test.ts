import { describe, expect, it } from 'vitest'
import { rule433 } from './rule-433.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 433: continuation episode starts when the last ended', () => {
  it('flags a P episode starting the day after the last ended', () => {
    expect(
      where(
        run(
          rule433,
          tables({
            Episodes: [
              { DEC: '2025-06-01', REC: 'X1' },
              { DECOM: '2025-06-02', RNE: 'P' },
            ],
          }),
        ),
      ),
    ).toEqual(['Episodes:1:RNE+DECOM'])
  })
  it('accepts a P episode starting the day the last ended', () => {
    expect(
      run(
        rule433,
        tables({
          Episodes: [
            { DEC: '2025-06-01', REC: 'X1' },
            { DECOM: '2025-06-01', RNE: 'P' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
