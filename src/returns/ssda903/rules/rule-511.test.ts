import { describe, expect, it } from 'vitest'
import { rule511 } from './rule-511.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 511: two adopters: a couple’s sex code', () => {
  it('flags two adopters coded F1', () => {
    expect(where(run(rule511, tables({ AD1: [{ NB_ADOPTR: '2', SEX_ADOPTR: 'F1' }] })))).toEqual([
      'AD1:0:NB_ADOPTR+SEX_ADOPTR',
    ])
  })
  it('accepts two adopters coded MF', () => {
    expect(run(rule511, tables({ AD1: [{ NB_ADOPTR: '2', SEX_ADOPTR: 'MF' }] }))).toEqual([])
  })
})
