import { describe, expect, it } from 'vitest'
import { rule180 } from './rule-180.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 180: SDQ score', () => {
  it('flags 41 and a non-number', () => {
    expect(
      where(run(rule180, tables({ OC2: [{ SDQ_SCORE: '41' }, { CHILD: '2', SDQ_SCORE: 'high' }] }))),
    ).toEqual(['OC2:0:SDQ_SCORE', 'OC2:1:SDQ_SCORE'])
  })
  it('accepts 0 and 40', () => {
    expect(run(rule180, tables({ OC2: [{ SDQ_SCORE: '0' }, { CHILD: '2', SDQ_SCORE: '40' }] }))).toEqual([])
  })
})
