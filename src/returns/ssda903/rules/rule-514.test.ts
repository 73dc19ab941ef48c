import { describe, expect, it } from 'vitest'
import { rule514 } from './rule-514.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 514: single adopter coded as a couple', () => {
  it('flags a single adopter coded FF', () => {
    expect(where(run(rule514, tables({ AD1: [{ LS_ADOPTR: 'L0', SEX_ADOPTR: 'FF' }] })))).toEqual([
      'AD1:0:LS_ADOPTR+SEX_ADOPTR',
    ])
  })
  it('accepts a single adopter coded F1', () => {
    expect(run(rule514, tables({ AD1: [{ LS_ADOPTR: 'L0', SEX_ADOPTR: 'F1' }] }))).toEqual([])
  })
})
