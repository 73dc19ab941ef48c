import { describe, expect, it } from 'vitest'
import { ruleSW10STG2 } from './rule-sw10stg2.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule SW10STG2: social worker episodes follow on', () => {
  it('flags a new worker 10 days after the last left', () => {
    expect(
      where(
        run(
          ruleSW10STG2,
          tables({
            SWEpisodes: [
              { SW_ID: 'XX17', SW_DECOM: '2025-05-01', SW_REASON: 'FCONTA', SW_DEC: '2025-08-01' },
              { SW_ID: 'XX17', SW_DECOM: '2025-08-11', SW_REASON: 'LEFTRL' },
            ],
          }),
        ),
      ),
    ).toEqual(['SWEpisodes:1:SW_DECOM'])
  })
  it('accepts a handover on the day, and a re-referral later', () => {
    expect(
      run(
        ruleSW10STG2,
        tables({
          SWEpisodes: [
            { SW_ID: 'XX17', SW_DECOM: '2025-05-01', SW_REASON: 'FCONTA', SW_DEC: '2025-08-01' },
            { SW_ID: 'XX17', SW_DECOM: '2025-08-01', SW_REASON: 'MANAGE', SW_DEC: '2025-09-01' },
            { SW_ID: 'XX17', SW_DECOM: '2025-12-01', SW_REASON: 'FCONTA' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
