import { describe, expect, it } from 'vitest'
import { rule388 } from './rule-388.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 388: episode ceased: new episode begins', () => {
  it('flags X1 on the last episode and a ceased episode followed the same day', () => {
    expect(
      where(
        run(
          rule388,
          tables({
            Episodes: [
              { DEC: '2025-06-01', REC: 'E13' },
              { DECOM: '2025-06-01', RNE: 'P', DEC: '2025-07-01', REC: 'X1' },
            ],
          }),
        ),
      ),
    ).toEqual(['Episodes:0:REC', 'Episodes:1:REC'])
  })
  it('accepts X1 followed the same day, and a final ending', () => {
    expect(
      run(
        rule388,
        tables({
          Episodes: [
            { DEC: '2025-06-01', REC: 'X1' },
            { DECOM: '2025-06-01', RNE: 'P', DEC: '2025-07-01', REC: 'E13' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
