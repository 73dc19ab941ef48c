import { describe, expect, it } from 'vitest'
import { rule571 } from './rule-571.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 571: missing ends outside the year', () => {
  it('flags ends before 1 April and after 31 March', () => {
    expect(
      where(
        run(
          rule571,
          tables({
            Missing: [
              { MISSING: 'M', MIS_START: '2025-03-01', MIS_END: '2025-03-31' },
              { MISSING: 'M', MIS_START: '2026-03-30', MIS_END: '2026-04-01' },
            ],
          }),
        ),
      ),
    ).toEqual(['Missing:0:MIS_END', 'Missing:1:MIS_END'])
  })
  it('accepts an end within the year, and an episode still open', () => {
    expect(
      run(
        rule571,
        tables({
          Missing: [
            { MISSING: 'M', MIS_START: '2025-03-01', MIS_END: '2025-04-01' },
            { MISSING: 'M', MIS_START: '2026-03-30' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
