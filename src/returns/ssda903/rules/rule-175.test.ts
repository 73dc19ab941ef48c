import { describe, expect, it } from 'vitest'
import { rule175 } from './rule-175.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 175: number of adopters', () => {
  it('flags 3', () => {
    expect(where(run(rule175, tables({ AD1: [{ NB_ADOPTR: '3' }] })))).toEqual(['AD1:0:NB_ADOPTR'])
  })
  it('accepts 1', () => {
    expect(run(rule175, tables({ AD1: [{ NB_ADOPTR: '1' }] }))).toEqual([])
  })
})
