import { describe, expect, it } from 'vitest'
import { rule184 } from './rule-184.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 184: should-be-placed decision before birth', () => {
  it('flags a decision before birth', () => {
    expect(
      where(run(rule184, tables({ PlacedAdoption: [{ DOB: '2025-06-01', DATE_PLACED: '2025-05-01' }] }))),
    ).toEqual(['PlacedAdoption:0:DATE_PLACED+DOB'])
  })
  it('accepts a decision after birth', () => {
    expect(
      run(rule184, tables({ PlacedAdoption: [{ DOB: '2025-04-01', DATE_PLACED: '2025-05-01' }] })),
    ).toEqual([])
  })
})
