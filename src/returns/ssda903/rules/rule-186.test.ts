import { describe, expect, it } from 'vitest'
import { rule186 } from './rule-186.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 186: SDQ for a child looked after 12 months', () => {
  it('flags a 13-year-old in care all year with no SDQ', () => {
    expect(
      where(run(rule186, tables({ Episodes: [{ DECOM: '2023-01-01' }], OC2: [{ DOB: '2012-06-15' }] }))),
    ).toEqual(['OC2:0:SDQ_SCORE'])
  })
  it('accepts a reason for no score', () => {
    expect(
      run(
        rule186,
        tables({ Episodes: [{ DECOM: '2023-01-01' }], OC2: [{ DOB: '2012-06-15', SDQ_REASON: 'SDQ4' }] }),
      ),
    ).toEqual([])
  })
})
