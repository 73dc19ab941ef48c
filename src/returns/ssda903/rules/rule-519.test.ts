import { describe, expect, it } from 'vitest'
import { rule519 } from './rule-519.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 519: adopters of legal status L2', () => {
  it('flags L2 with M1', () => {
    expect(where(run(rule519, tables({ AD1: [{ LS_ADOPTR: 'L2', SEX_ADOPTR: 'M1' }] })))).toEqual([
      'AD1:0:LS_ADOPTR+SEX_ADOPTR',
    ])
  })
  it('accepts L2 with MF', () => {
    expect(run(rule519, tables({ AD1: [{ LS_ADOPTR: 'L2', SEX_ADOPTR: 'MF' }] }))).toEqual([])
  })
})
