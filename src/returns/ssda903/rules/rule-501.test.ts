import { describe, expect, it } from 'vitest'
import { rule501 } from './rule-501.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 501: episodes overlap', () => {
  it('flags an episode starting before the last ended', () => {
    expect(
      where(
        run(
          rule501,
          tables({
            Episodes: [
              { DEC: '2025-06-10', REC: 'X1' },
              { DECOM: '2025-06-01', RNE: 'P' },
            ],
          }),
        ),
      ),
    ).toEqual(['Episodes:1:DECOM+DEC'])
  })
  it('accepts episodes end to end', () => {
    expect(
      run(
        rule501,
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
