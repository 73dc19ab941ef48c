import { describe, expect, it } from 'vitest'
import { rule376 } from './rule-376.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 376: temporary placement T3 for at most 21 days', () => {
  it('flags 22 days', () => {
    expect(
      where(run(rule376, tables({ Episodes: [{ PLACE: 'T3', DEC: '2025-05-23', REC: 'X1' }] }))),
    ).toEqual(['Episodes:0:DECOM+DEC+PLACE'])
  })
  it('flags one still open after 21 days at 31 March', () => {
    expect(run(rule376, tables({ Episodes: [{ PLACE: 'T3', DECOM: '2026-01-02' }] }))).toHaveLength(1)
  })
  it('accepts 21 days', () => {
    expect(run(rule376, tables({ Episodes: [{ PLACE: 'T3', DEC: '2025-05-22', REC: 'X1' }] }))).toEqual([])
  })
})
