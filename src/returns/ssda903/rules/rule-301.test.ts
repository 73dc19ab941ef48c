import { describe, expect, it } from 'vitest'
import { rule301 } from './rule-301.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 301: date of birth after the year', () => {
  it('flags a child born after 31 March', () => {
    expect(where(run(rule301, tables({ Header: [{ DOB: '2026-04-01' }] })))).toEqual(['Header:0:DOB'])
  })
  it('accepts a child born on 31 March', () => {
    expect(run(rule301, tables({ Header: [{ DOB: '2026-03-31' }] }))).toEqual([])
  })
})
