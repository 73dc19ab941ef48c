import { describe, expect, it } from 'vitest'
import { rule189 } from './rule-189.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 189: SDQ for a young person of 17 or over', () => {
  it('flags a reason for a 17-year-old', () => {
    expect(where(run(rule189, tables({ OC2: [{ DOB: '2008-04-01', SDQ_REASON: 'SDQ2' }] })))).toEqual([
      'OC2:0:DOB+SDQ_SCORE+SDQ_REASON',
    ])
  })
  it('accepts a score at 16 on 1 April', () => {
    expect(run(rule189, tables({ OC2: [{ DOB: '2008-04-02', SDQ_SCORE: '12' }] }))).toEqual([])
  })
})
