import { describe, expect, it } from 'vitest'
import { rule581 } from './rule-581.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 581: missing while not looked after', () => {
  it('flags missing before care began', () => {
    expect(
      where(run(rule581, tables({ Episodes: [{}], Missing: [{ MISSING: 'M', MIS_START: '2025-04-20' }] }))),
    ).toEqual(['Missing:0:MIS_START'])
  })
  it('accepts missing during an episode', () => {
    expect(
      run(rule581, tables({ Episodes: [{}], Missing: [{ MISSING: 'M', MIS_START: '2025-05-20' }] })),
    ).toEqual([])
  })
})
