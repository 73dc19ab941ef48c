import { describe, expect, it } from 'vitest'
import { rule635 } from './rule-635.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 635: no previous permanence: no LA or date', () => {
  it('flags Z1 with a date', () => {
    expect(where(run(rule635, tables({ PrevPerm: [{ PREV_PERM: 'Z1', DATE_PERM: '2020-01-01' }] })))).toEqual(
      ['PrevPerm:0:DATE_PERM+LA_PERM+PREV_PERM'],
    )
  })
  it('accepts P1 with an LA and a date', () => {
    expect(
      run(rule635, tables({ PrevPerm: [{ PREV_PERM: 'P1', LA_PERM: '358', DATE_PERM: '2020-01-01' }] })),
    ).toEqual([])
  })
})
