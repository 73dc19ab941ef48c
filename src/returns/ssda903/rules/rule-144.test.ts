import { describe, expect, it } from 'vitest'
import { rule144 } from './rule-144.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 144: legal status code', () => {
  it('flags LS C3', () => {
    expect(where(run(rule144, tables({ Episodes: [{ LS: 'C3' }] })))).toEqual(['Episodes:0:LS'])
  })
  it('accepts LS V2', () => {
    expect(run(rule144, tables({ Episodes: [{ LS: 'V2' }] }))).toEqual([])
  })
})
