import { describe, expect, it } from 'vitest'
import { rule177 } from './rule-177.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 177: legal status of adopters', () => {
  it('flags L5', () => {
    expect(where(run(rule177, tables({ AD1: [{ LS_ADOPTR: 'L5' }] })))).toEqual(['AD1:0:LS_ADOPTR'])
  })
  it('accepts L4', () => {
    expect(run(rule177, tables({ AD1: [{ LS_ADOPTR: 'L4' }] }))).toEqual([])
  })
})
