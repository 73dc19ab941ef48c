import { describe, expect, it } from 'vitest'
import { rule114 } from './rule-114.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 114: adopted by foster carers', () => {
  it('flags 2', () => {
    expect(where(run(rule114, tables({ AD1: [{ FOSTER_CARE: '2' }] })))).toEqual(['AD1:0:FOSTER_CARE'])
  })
  it('accepts 1', () => {
    expect(run(rule114, tables({ AD1: [{ FOSTER_CARE: '1' }] }))).toEqual([])
  })
})
