import { describe, expect, it } from 'vitest'
import { rule363 } from './rule-363.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 363: child assessment order (L3) for at most 7 days', () => {
  it('flags L3 lasting 8 days across a change of placement', () => {
    expect(
      where(
        run(
          rule363,
          tables({
            Episodes: [
              { LS: 'L3', DEC: '2025-05-02', REC: 'X1' },
              { LS: 'L3', DECOM: '2025-05-02', RNE: 'P', DEC: '2025-05-09', REC: 'X1' },
              { LS: 'C1', DECOM: '2025-05-09', RNE: 'L' },
            ],
          }),
        ),
      ),
    ).toEqual(['Episodes:0:LS+DECOM+DEC', 'Episodes:1:LS+DECOM+DEC'])
  })
  it('flags one still open after 7 days at 31 March', () => {
    expect(where(run(rule363, tables({ Episodes: [{ LS: 'L3', DECOM: '2026-01-01' }] })))).toEqual([
      'Episodes:0:LS+DECOM+DEC',
    ])
  })
  it('accepts L3 lasting 7 days', () => {
    expect(
      run(
        rule363,
        tables({
          Episodes: [
            { LS: 'L3', DEC: '2025-05-08', REC: 'X1' },
            { LS: 'C1', DECOM: '2025-05-08', RNE: 'L' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
