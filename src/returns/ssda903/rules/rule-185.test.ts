import { describe, expect, it } from 'vitest'
import { rule185 } from './rule-185.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 185: an SDQ score only for children looked after for 12 months', () => {
  it('flags a score for a child who came into care in the year', () => {
    expect(where(run(rule185, tables({ Episodes: [{}], OC2: [{ SDQ_SCORE: '12' }] })))).toEqual([
      'OC2:0:SDQ_SCORE',
    ])
  })
  it('accepts one for a child in care all year', () => {
    expect(run(rule185, tables({ Episodes: [{ DECOM: '2024-01-01' }], OC2: [{ SDQ_SCORE: '12' }] }))).toEqual(
      [],
    )
  })
})
