import { describe, expect, it } from 'vitest'
import { ruleSW13STG1 } from './rule-sw13stg1.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule SW13STG1: reason for social worker change', () => {
  it('flags SWLAZY', () => {
    expect(
      where(
        run(
          ruleSW13STG1,
          tables({ SWEpisodes: [{ SW_ID: 'XX17', SW_DECOM: '2025-05-01', SW_REASON: 'SWLAZY' }] }),
        ),
      ),
    ).toEqual(['SWEpisodes:0:SW_REASON'])
  })
  it('accepts MANAGE', () => {
    expect(
      run(
        ruleSW13STG1,
        tables({ SWEpisodes: [{ SW_ID: 'XX17', SW_DECOM: '2025-05-01', SW_REASON: 'MANAGE' }] }),
      ),
    ).toEqual([])
  })
})
