import { describe, expect, it } from 'vitest'
import { ruleSW17STG2 } from './rule-sw17stg2.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule SW17STG2: social worker at 31 March', () => {
  it('flags a child in care whose last social worker episode ended', () => {
    expect(
      where(
        run(
          ruleSW17STG2,
          tables({
            Episodes: [{}],
            SWEpisodes: [
              { SW_ID: 'XX17', SW_DECOM: '2025-05-01', SW_REASON: 'FCONTA', SW_DEC: '2026-01-01' },
            ],
          }),
        ),
      ),
    ).toEqual(['SWEpisodes:0:SW_DEC'])
  })
  it('accepts an open episode, and a child who left care', () => {
    expect(
      run(
        ruleSW17STG2,
        tables({
          Episodes: [{}, { CHILD: '2', DEC: '2026-01-01', REC: 'E13' }],
          SWEpisodes: [
            { SW_ID: 'XX17', SW_DECOM: '2025-05-01', SW_REASON: 'FCONTA' },
            { CHILD: '2', SW_ID: 'XX17', SW_DECOM: '2025-05-01', SW_REASON: 'FCONTA', SW_DEC: '2026-01-01' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
