import { describe, expect, it } from 'vitest'
import { rule570 } from './rule-570.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 570: missing starts after the year', () => {
  it('flags a start after 31 March', () => {
    expect(where(run(rule570, tables({ Missing: [{ MISSING: 'M', MIS_START: '2026-04-01' }] })))).toEqual([
      'Missing:0:MIS_START',
    ])
  })
  it('accepts a start on 31 March', () => {
    expect(run(rule570, tables({ Missing: [{ MISSING: 'M', MIS_START: '2026-03-31' }] }))).toEqual([])
  })
})
