import { describe, expect, it } from 'vitest'
import { ruleSW01bSTG1 } from './rule-sw01bstg1.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule SW01bSTG1: social worker episode complete', () => {
  it('flags an episode with no reason', () => {
    expect(
      where(run(ruleSW01bSTG1, tables({ SWEpisodes: [{ SW_ID: 'XX17', SW_DECOM: '2025-05-01' }] }))),
    ).toEqual(['SWEpisodes:0:SW_DECOM+SW_ID+SW_REASON'])
  })
  it('accepts a complete episode', () => {
    expect(
      run(
        ruleSW01bSTG1,
        tables({ SWEpisodes: [{ SW_ID: 'XX17', SW_DECOM: '2025-05-01', SW_REASON: 'FCONTA' }] }),
      ),
    ).toEqual([])
  })
})
