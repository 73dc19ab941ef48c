import { describe, expect, it } from 'vitest'
import { rule375 } from './rule-375.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 375: temporary placement T1 for at most 42 days', () => {
  it('flags 43 days', () => {
    expect(
      where(run(rule375, tables({ Episodes: [{ PLACE: 'T1', DEC: '2025-06-13', REC: 'X1' }] }))),
    ).toEqual(['Episodes:0:DECOM+DEC+PLACE'])
  })
  it('flags one still open after 42 days at 31 March', () => {
    expect(run(rule375, tables({ Episodes: [{ PLACE: 'T1', DECOM: '2026-01-02' }] }))).toHaveLength(1)
  })
  it('accepts 42 days', () => {
    expect(run(rule375, tables({ Episodes: [{ PLACE: 'T1', DEC: '2025-06-12', REC: 'X1' }] }))).toEqual([])
  })
})
