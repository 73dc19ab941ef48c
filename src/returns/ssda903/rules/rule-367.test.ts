import { describe, expect, it } from 'vitest'
import { rule367 } from './rule-367.ts'
import { run, tables, where } from './test-tables.ts'

// Breaks of 10 days each, a month apart.
const breaks = (n: number) =>
  Array.from({ length: n }, (_, k) => {
    const month = String(4 + k).padStart(2, '0')
    return { LS: 'V3', DECOM: `2025-${month}-01`, DEC: `2025-${month}-11`, REC: 'E13' }
  })

describe('rule 367: at most 75 days of short-term breaks a year', () => {
  it('flags eight breaks of 10 days', () => {
    expect(where(run(rule367, tables({ Episodes: breaks(8) })))).toHaveLength(8)
  })
  it('accepts seven, and counts only the days inside the year', () => {
    expect(run(rule367, tables({ Episodes: breaks(7) }))).toEqual([])
    expect(
      run(rule367, tables({ Episodes: [{ LS: 'V3', DECOM: '2024-01-01', DEC: '2025-04-20', REC: 'E13' }] })),
    ).toEqual([])
  })
})
