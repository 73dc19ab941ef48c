import { describe, expect, it } from 'vitest'
import { rule574 } from './rule-574.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 574: missing episodes overlap', () => {
  it('flags an episode starting before the last ended', () => {
    expect(
      where(
        run(
          rule574,
          tables({
            Missing: [
              { MISSING: 'M', MIS_START: '2025-06-01', MIS_END: '2025-06-05' },
              { MISSING: 'M', MIS_START: '2025-06-03', MIS_END: '2025-06-09' },
            ],
          }),
        ),
      ),
    ).toEqual(['Missing:1:MIS_START+MIS_END'])
  })
  it('accepts one after another, the last still open', () => {
    expect(
      run(
        rule574,
        tables({
          Missing: [
            { MISSING: 'M', MIS_START: '2025-06-01', MIS_END: '2025-06-05' },
            { MISSING: 'A', MIS_START: '2025-06-05' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
