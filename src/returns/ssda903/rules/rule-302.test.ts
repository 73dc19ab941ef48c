import { describe, expect, it } from 'vitest'
import { rule302 } from './rule-302.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 302: episode before birth', () => {
  it('flags an episode starting before the child was born', () => {
    expect(where(run(rule302, tables({ Header: [{ DOB: '2025-06-01' }], Episodes: [{}] })))).toEqual([
      'Episodes:0:DECOM | Header:0:DOB',
    ])
  })
  it('accepts care from the day of birth', () => {
    expect(run(rule302, tables({ Header: [{ DOB: '2025-05-01' }], Episodes: [{}] }))).toEqual([])
  })
})
