import { describe, expect, it } from 'vitest'
import { rule426 } from './rule-426.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 426: V3 and V4 not both in a year', () => {
  it('flags both kinds of short break for one child', () => {
    expect(
      where(
        run(
          rule426,
          tables({
            Episodes: [
              { LS: 'V3', DEC: '2025-05-05', REC: 'E13' },
              { LS: 'V4', DECOM: '2025-06-01', DEC: '2025-06-03', REC: 'E13' },
            ],
          }),
        ),
      ),
    ).toEqual(['Episodes:0:LS', 'Episodes:1:LS'])
  })
  it('accepts one kind', () => {
    expect(
      run(
        rule426,
        tables({
          Episodes: [
            { LS: 'V4', DEC: '2025-05-05', REC: 'E13' },
            { LS: 'V4', DECOM: '2025-06-01', DEC: '2025-06-03', REC: 'E13' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
