import { describe, expect, it } from 'vitest'
import { rule634 } from './rule-634.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 634: previous permanence only for children starting care', () => {
  it('flags items for a child in care since before the year', () => {
    expect(
      where(run(rule634, tables({ Episodes: [{ DECOM: '2024-01-01' }], PrevPerm: [{ PREV_PERM: 'Z1' }] }))),
    ).toEqual(['PrevPerm:0:PREV_PERM+LA_PERM+DATE_PERM | Episodes:0:DECOM'])
  })
  it('accepts them for a child who started care in the year', () => {
    expect(run(rule634, tables({ Episodes: [{}], PrevPerm: [{ PREV_PERM: 'Z1' }] }))).toEqual([])
  })
})
