import { describe, expect, it } from 'vitest'
import { rule176 } from './rule-176.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 176: sex of adopters', () => {
  it('flags M2', () => {
    expect(where(run(rule176, tables({ AD1: [{ SEX_ADOPTR: 'M2' }] })))).toEqual(['AD1:0:SEX_ADOPTR'])
  })
  it('accepts FF', () => {
    expect(run(rule176, tables({ AD1: [{ SEX_ADOPTR: 'FF' }] }))).toEqual([])
  })
})
