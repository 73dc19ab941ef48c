import { describe, expect, it } from 'vitest'
import { rule361 } from './rule-361.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 361: police protection (L1) for at most 3 days', () => {
  it('flags L1 lasting 4 days across a change of placement', () => {
    expect(
      where(
        run(
          rule361,
          tables({
            Episodes: [
              { LS: 'L1', DEC: '2025-05-02', REC: 'X1' },
              { LS: 'L1', DECOM: '2025-05-02', RNE: 'P', DEC: '2025-05-05', REC: 'X1' },
              { LS: 'C1', DECOM: '2025-05-05', RNE: 'L' },
            ],
          }),
        ),
      ),
    ).toEqual(['Episodes:0:LS+DECOM+DEC', 'Episodes:1:LS+DECOM+DEC'])
  })
  it('flags one still open after 3 days at 31 March', () => {
    expect(where(run(rule361, tables({ Episodes: [{ LS: 'L1', DECOM: '2026-01-01' }] })))).toEqual([
      'Episodes:0:LS+DECOM+DEC',
    ])
  })
  it('accepts L1 lasting 3 days', () => {
    expect(
      run(
        rule361,
        tables({
          Episodes: [
            { LS: 'L1', DEC: '2025-05-04', REC: 'X1' },
            { LS: 'C1', DECOM: '2025-05-04', RNE: 'L' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
