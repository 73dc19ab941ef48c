import { describe, expect, it } from 'vitest'
import { rule520 } from './rule-520.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 520: adopters of legal status L11', () => {
  it('flags L11 with MM', () => {
    expect(where(run(rule520, tables({ AD1: [{ LS_ADOPTR: 'L11', SEX_ADOPTR: 'MM' }] })))).toEqual([
      'AD1:0:LS_ADOPTR+SEX_ADOPTR',
    ])
  })
  it('accepts L11 with MF', () => {
    expect(run(rule520, tables({ AD1: [{ LS_ADOPTR: 'L11', SEX_ADOPTR: 'MF' }] }))).toEqual([])
  })
})
