import { describe, expect, it } from 'vitest'
import { rule353 } from './rule-353.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 353: no episode before 14 October 1991', () => {
  it('flags 13 October 1991', () => {
    expect(where(run(rule353, tables({ Episodes: [{ DECOM: '1991-10-13' }] })))).toEqual(['Episodes:0:DECOM'])
  })
  it('accepts 14 October 1991', () => {
    expect(run(rule353, tables({ Episodes: [{ DECOM: '1991-10-14' }] }))).toEqual([])
  })
})
