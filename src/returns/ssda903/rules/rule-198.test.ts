import { describe, expect, it } from 'vitest'
import { rule198 } from './rule-198.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 198: an SDQ reason only for children looked after for 12 months', () => {
  it('flags a reason for a child who came into care in the year', () => {
    expect(where(run(rule198, tables({ Episodes: [{}], OC2: [{ SDQ_REASON: 'SDQ2' }] })))).toEqual([
      'OC2:0:SDQ_REASON',
    ])
  })
  it('accepts one for a child in care all year', () => {
    expect(
      run(rule198, tables({ Episodes: [{ DECOM: '2024-01-01' }], OC2: [{ SDQ_REASON: 'SDQ2' }] })),
    ).toEqual([])
  })
})
