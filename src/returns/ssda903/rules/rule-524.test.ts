import { describe, expect, it } from 'vitest'
import { rule524 } from './rule-524.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 524: adopters of legal status L12', () => {
  it('flags L12 with MF', () => {
    expect(where(run(rule524, tables({ AD1: [{ LS_ADOPTR: 'L12', SEX_ADOPTR: 'MF' }] })))).toEqual([
      'AD1:0:LS_ADOPTR+SEX_ADOPTR',
    ])
  })
  it('accepts L12 with MM', () => {
    expect(run(rule524, tables({ AD1: [{ LS_ADOPTR: 'L12', SEX_ADOPTR: 'MM' }] }))).toEqual([])
  })
})
