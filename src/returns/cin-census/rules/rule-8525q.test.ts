import { describe, expect, it } from 'vitest'
import { rule8525Q } from './rule-8525q.ts'
import { child, run, tables, where } from './test-tables.ts'

describe('rule 8525Q: date of birth or expected date of birth', () => {
  it('queries both or neither', () => {
    const t = tables([
      child({ ExpectedPersonBirthDate: '2025-06-01' }),
      child({ LAchildID: 'C2', PersonBirthDate: null }),
    ])
    expect(where(run(rule8525Q, t))).toEqual([
      'ChildIdentifiers:0:PersonBirthDate+ExpectedPersonBirthDate',
      'ChildIdentifiers:1:PersonBirthDate+ExpectedPersonBirthDate',
    ])
  })
  it('accepts exactly one', () => {
    const unborn = child({ LAchildID: 'C2', PersonBirthDate: null, ExpectedPersonBirthDate: '2025-06-01' })
    expect(run(rule8525Q, tables([child(), unborn]))).toEqual([])
  })
})
