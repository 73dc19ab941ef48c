import { describe, expect, it } from 'vitest'
import { rule362 } from './rule-362.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 362: emergency protection order (L2) for at most 21 days', () => {
  it('flags L2 lasting 22 days across a change of placement', () => {
    expect(
      where(
        run(
          rule362,
          tables({
            Episodes: [
              { LS: 'L2', DEC: '2025-05-02', REC: 'X1' },
              { LS: 'L2', DECOM: '2025-05-02', RNE: 'P', DEC: '2025-05-23', REC: 'X1' },
              { LS: 'C1', DECOM: '2025-05-23', RNE: 'L' },
            ],
          }),
        ),
      ),
    ).toEqual(['Episodes:0:LS+DECOM+DEC', 'Episodes:1:LS+DECOM+DEC'])
  })
  it('flags one still open after 21 days at 31 March', () => {
    expect(where(run(rule362, tables({ Episodes: [{ LS: 'L2', DECOM: '2026-01-01' }] })))).toEqual([
      'Episodes:0:LS+DECOM+DEC',
    ])
  })
  it('accepts L2 lasting 21 days', () => {
    expect(
      run(
        rule362,
        tables({
          Episodes: [
            { LS: 'L2', DEC: '2025-05-22', REC: 'X1' },
            { LS: 'C1', DECOM: '2025-05-22', RNE: 'L' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
