import { describe, expect, it } from 'vitest'
import { ruleSW02STG1 } from './rule-sw02stg1.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule SW02STG1: social worker ID', () => {
  it('flags an ID not starting SW or XX', () => {
    expect(
      where(
        run(
          ruleSW02STG1,
          tables({ SWEpisodes: [{ SW_ID: '1234', SW_DECOM: '2025-05-01', SW_REASON: 'FCONTA' }] }),
        ),
      ),
    ).toEqual(['SWEpisodes:0:SW_ID'])
  })
  it('accepts SW and XX IDs', () => {
    expect(
      run(
        ruleSW02STG1,
        tables({
          SWEpisodes: [
            { SW_ID: 'SW123456', SW_DECOM: '2025-05-01', SW_REASON: 'FCONTA' },
            { SW_ID: 'XX17', SW_DECOM: '2025-05-01', SW_REASON: 'FCONTA' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
