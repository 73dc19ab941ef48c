import { describe, expect, it } from 'vitest'
import { rule630 } from './rule-630.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 630: previous permanence returned for a new period of care', () => {
  it('flags a child starting care with no previous permanence row, or a blank one', () => {
    expect(
      where(run(rule630, tables({ Episodes: [{}, { CHILD: '2' }], PrevPerm: [{ CHILD: '2' }] }))),
    ).toEqual(['Episodes:0:RNE', 'Episodes:1:RNE | PrevPerm:0:PREV_PERM'])
  })
  it('accepts Z1, and a continuing episode', () => {
    expect(
      run(
        rule630,
        tables({ Episodes: [{}, { CHILD: '2', DECOM: '2024-05-01' }], PrevPerm: [{ PREV_PERM: 'Z1' }] }),
      ),
    ).toEqual([])
  })
})
