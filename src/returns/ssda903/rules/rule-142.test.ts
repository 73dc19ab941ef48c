import { describe, expect, it } from 'vitest'
import { rule142 } from './rule-142.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 142: previous episode not ended', () => {
  it('flags an earlier episode with no DEC', () => {
    expect(where(run(rule142, tables({ Episodes: [{}, { DECOM: '2025-06-01', RNE: 'P' }] })))).toEqual([
      'Episodes:0:DEC+REC',
    ])
  })
  it('accepts an ended episode before an open one', () => {
    expect(
      run(
        rule142,
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
