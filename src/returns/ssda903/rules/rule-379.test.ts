import { describe, expect, it } from 'vitest'
import { rule379 } from './rule-379.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 379: temporary placement T4 for at most 7 days', () => {
  it('flags 8 days', () => {
    expect(
      where(run(rule379, tables({ Episodes: [{ PLACE: 'T4', DEC: '2025-05-09', REC: 'X1' }] }))),
    ).toEqual(['Episodes:0:DECOM+DEC+PLACE'])
  })
  it('flags one still open after 7 days at 31 March', () => {
    expect(run(rule379, tables({ Episodes: [{ PLACE: 'T4', DECOM: '2026-01-02' }] }))).toHaveLength(1)
  })
  it('accepts 7 days', () => {
    expect(run(rule379, tables({ Episodes: [{ PLACE: 'T4', DEC: '2025-05-08', REC: 'X1' }] }))).toEqual([])
  })
})
