import { describe, expect, it } from 'vitest'
import { rule365 } from './rule-365.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 365: a short-term break of at most 17 days', () => {
  it('flags 18 days', () => {
    expect(where(run(rule365, tables({ Episodes: [{ LS: 'V3', DEC: '2025-05-19', REC: 'E13' }] })))).toEqual([
      'Episodes:0:LS+DECOM+DEC',
    ])
  })
  it('accepts 17 days, and a care order of a year', () => {
    expect(
      run(
        rule365,
        tables({
          Episodes: [
            { LS: 'V3', DEC: '2025-05-18', REC: 'E13' },
            { CHILD: '2', DEC: '2026-02-01', REC: 'E4A' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
