import { describe, expect, it } from 'vitest'
import { rule518 } from './rule-518.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 518: adopters of legal status L4', () => {
  it('flags L4 with MF', () => {
    expect(where(run(rule518, tables({ AD1: [{ LS_ADOPTR: 'L4', SEX_ADOPTR: 'MF' }] })))).toEqual([
      'AD1:0:LS_ADOPTR+SEX_ADOPTR',
    ])
  })
  it('accepts L4 with FF', () => {
    expect(run(rule518, tables({ AD1: [{ LS_ADOPTR: 'L4', SEX_ADOPTR: 'FF' }] }))).toEqual([])
  })
})
