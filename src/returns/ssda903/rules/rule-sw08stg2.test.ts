import { describe, expect, it } from 'vitest'
import { ruleSW08STG2 } from './rule-sw08stg2.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule SW08STG2: previous social worker episode not ended', () => {
  it('flags an earlier episode left open', () => {
    expect(
      where(
        run(
          ruleSW08STG2,
          tables({
            SWEpisodes: [
              { SW_ID: 'XX17', SW_DECOM: '2025-05-01', SW_REASON: 'FCONTA' },
              { SW_ID: 'XX17', SW_DECOM: '2025-08-01', SW_REASON: 'MANAGE' },
            ],
          }),
        ),
      ),
    ).toEqual(['SWEpisodes:0:SW_DEC'])
  })
  it('accepts an ended episode before an open one', () => {
    expect(
      run(
        ruleSW08STG2,
        tables({
          SWEpisodes: [
            { SW_ID: 'XX17', SW_DECOM: '2025-05-01', SW_REASON: 'FCONTA', SW_DEC: '2025-08-01' },
            { SW_ID: 'XX17', SW_DECOM: '2025-08-01', SW_REASON: 'MANAGE' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
