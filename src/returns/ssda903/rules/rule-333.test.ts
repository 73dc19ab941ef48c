import { describe, expect, it } from 'vitest'
import { rule333 } from './rule-333.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 333: should-be-placed decision after matching', () => {
  it('flags a decision after the match', () => {
    expect(
      where(run(rule333, tables({ AD1: [{ DATE_INT: '2025-02-01', DATE_MATCH: '2025-01-10' }] }))),
    ).toEqual(['AD1:0:DATE_INT'])
  })
  it('accepts a decision on the day of the match', () => {
    expect(run(rule333, tables({ AD1: [{ DATE_INT: '2025-01-10', DATE_MATCH: '2025-01-10' }] }))).toEqual([])
  })
})
