import { describe, expect, it } from 'vitest'
import { rule437 } from './rule-437.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 437: nothing after death or an age assessment of 18', () => {
  it('flags an episode after E15', () => {
    expect(
      where(run(rule437, tables({ Episodes: [{ DEC: '2025-06-01', REC: 'E15' }, { DECOM: '2025-09-01' }] }))),
    ).toEqual(['Episodes:0:REC | Episodes:1:DECOM'])
  })
  it('accepts E15 as the last episode', () => {
    expect(
      run(
        rule437,
        tables({
          Episodes: [
            { DEC: '2025-06-01', REC: 'E4A' },
            { DECOM: '2025-09-01', DEC: '2025-10-01', REC: 'E15' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
