import { describe, expect, it } from 'vitest'
import { rule351 } from './rule-351.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 351: over 25', () => {
  it('flags someone 25 before the year began', () => {
    expect(where(run(rule351, tables({ Header: [{ DOB: '2000-03-31' }] })))).toEqual(['Header:0:DOB'])
  })
  it('accepts someone who turns 25 on 1 April', () => {
    expect(run(rule351, tables({ Header: [{ DOB: '2000-04-01' }] }))).toEqual([])
  })
})
