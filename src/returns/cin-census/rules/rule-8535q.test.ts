import { describe, expect, it } from 'vitest'
import { rule8535Q } from './rule-8535q.ts'
import { child, run, tables, where } from './test-tables.ts'

describe('rule 8535Q: death before birth', () => {
  it('queries a death before the birth', () => {
    expect(where(run(rule8535Q, tables([child({ PersonDeathDate: '2015-01-01' })])))).toEqual([
      'ChildIdentifiers:0:PersonDeathDate+PersonBirthDate',
    ])
  })
  it('accepts a later death, and an unborn child who died before the due date', () => {
    const unborn = child({
      LAchildID: 'C2',
      PersonBirthDate: null,
      ExpectedPersonBirthDate: '2025-06-01',
      PersonDeathDate: '2025-02-01',
    })
    expect(run(rule8535Q, tables([child({ PersonDeathDate: '2024-08-01' }), unborn]))).toEqual([])
  })
})
