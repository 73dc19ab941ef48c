import { describe, expect, it } from 'vitest'
import { rule517 } from './rule-517.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 517: adopters of legal status L3', () => {
  it('flags L3 with FF', () => {
    expect(where(run(rule517, tables({ AD1: [{ LS_ADOPTR: 'L3', SEX_ADOPTR: 'FF' }] })))).toEqual([
      'AD1:0:LS_ADOPTR+SEX_ADOPTR',
    ])
  })
  it('accepts L3 with MF', () => {
    expect(run(rule517, tables({ AD1: [{ LS_ADOPTR: 'L3', SEX_ADOPTR: 'MF' }] }))).toEqual([])
  })
})
