import { describe, expect, it } from 'vitest'
import { rule358 } from './rule-358.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 358: youth justice legal status under 10', () => {
  it('flags J2 for a child of 9', () => {
    expect(
      where(run(rule358, tables({ Header: [{ DOB: '2016-01-01' }], Episodes: [{ LS: 'J2' }] }))),
    ).toEqual(['Episodes:0:DECOM+LS | Header:0:DOB'])
  })
  it('accepts J2 for a child of 12', () => {
    expect(run(rule358, tables({ Header: [{}], Episodes: [{ LS: 'J2' }] }))).toEqual([])
  })
})
