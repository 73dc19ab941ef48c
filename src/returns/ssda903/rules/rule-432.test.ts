import { describe, expect, it } from 'vitest'
import { rule432 } from './rule-432.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 432: care ceased but next episode not S', () => {
  it('flags P after care ended', () => {
    expect(
      where(
        run(
          rule432,
          tables({
            Episodes: [
              { DEC: '2025-06-01', REC: 'E13' },
              { DECOM: '2025-07-01', RNE: 'P' },
            ],
          }),
        ),
      ),
    ).toEqual(['Episodes:1:RNE'])
  })
  it('accepts S after care ended', () => {
    expect(
      run(rule432, tables({ Episodes: [{ DEC: '2025-06-01', REC: 'E13' }, { DECOM: '2025-07-01' }] })),
    ).toEqual([])
  })
})
