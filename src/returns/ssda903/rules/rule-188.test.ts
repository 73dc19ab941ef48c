import { describe, expect, it } from 'vitest'
import { rule188 } from './rule-188.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 188: SDQ for a child under 4', () => {
  it('flags a score for a 3-year-old', () => {
    expect(where(run(rule188, tables({ OC2: [{ DOB: '2022-06-01', SDQ_SCORE: '10' }] })))).toEqual([
      'OC2:0:SDQ_SCORE+SDQ_REASON',
    ])
  })
  it('accepts a score at 4', () => {
    expect(run(rule188, tables({ OC2: [{ DOB: '2022-03-31', SDQ_SCORE: '10' }] }))).toEqual([])
  })
})
