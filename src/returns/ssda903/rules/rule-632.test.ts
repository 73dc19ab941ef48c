import { describe, expect, it } from 'vitest'
import { rule632 } from './rule-632.ts'
import { run, tables, where } from './test-tables.ts'

const order = (DATE_PERM: string) => ({ PREV_PERM: 'P2', LA_PERM: '305', DATE_PERM })

describe('rule 632: previous permanence before care', () => {
  it('flags an order dated the day care began', () => {
    expect(where(run(rule632, tables({ Episodes: [{}], PrevPerm: [order('2025-05-01')] })))).toEqual([
      'PrevPerm:0:DATE_PERM | Episodes:0:DECOM',
    ])
  })
  it('accepts one the day before', () => {
    expect(run(rule632, tables({ Episodes: [{}], PrevPerm: [order('2025-04-30')] }))).toEqual([])
  })
})
