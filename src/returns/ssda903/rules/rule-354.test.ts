import { describe, expect, it } from 'vitest'
import { rule354 } from './rule-354.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 354: episode starts after the year', () => {
  it('flags an episode starting after 31 March', () => {
    expect(where(run(rule354, tables({ Episodes: [{ DECOM: '2026-04-01' }] })))).toEqual(['Episodes:0:DECOM'])
  })
  it('accepts one starting on 31 March', () => {
    expect(run(rule354, tables({ Episodes: [{ DECOM: '2026-03-31' }] }))).toEqual([])
  })
})
