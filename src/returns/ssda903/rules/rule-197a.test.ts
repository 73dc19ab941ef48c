import { describe, expect, it } from 'vitest'
import { rule197a } from './rule-197a.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 197a: no SDQ reason beside a score', () => {
  it('flags both', () => {
    expect(where(run(rule197a, tables({ OC2: [{ SDQ_SCORE: '12', SDQ_REASON: 'SDQ4' }] })))).toEqual([
      'OC2:0:SDQ_SCORE+SDQ_REASON',
    ])
  })
  it('accepts either alone', () => {
    expect(run(rule197a, tables({ OC2: [{ SDQ_SCORE: '12' }, { CHILD: '2', SDQ_REASON: 'SDQ4' }] }))).toEqual(
      [],
    )
  })
})
