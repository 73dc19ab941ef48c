import { describe, expect, it } from 'vitest'
import { ruleSW07STG2 } from './rule-sw07stg2.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule SW07STG2: social worker episode end within the reporting period', () => {
  it('flags an end before April 2024 and after March 2026', () => {
    expect(
      where(
        run(
          ruleSW07STG2,
          tables({
            SWEpisodes: [
              { SW_ID: 'XX17', SW_DECOM: '2023-01-01', SW_REASON: 'FCONTA', SW_DEC: '2024-03-31' },
              { SW_ID: 'XX17', SW_DECOM: '2025-05-01', SW_REASON: 'FCONTA', SW_DEC: '2026-04-01' },
            ],
          }),
        ),
      ),
    ).toEqual(['SWEpisodes:0:SW_DEC', 'SWEpisodes:1:SW_DEC'])
  })
  it('accepts an end in April 2024', () => {
    expect(
      run(
        ruleSW07STG2,
        tables({
          SWEpisodes: [{ SW_ID: 'XX17', SW_DECOM: '2023-01-01', SW_REASON: 'FCONTA', SW_DEC: '2024-04-01' }],
        }),
      ),
    ).toEqual([])
  })
})
