import { describe, expect, it } from 'vitest'
import { ruleSW01aSTG1 } from './rule-sw01astg1.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule SW01aSTG1: social worker episodes complete', () => {
  it('flags a missing start, and a missing worker before April 2023', () => {
    expect(
      where(
        run(
          ruleSW01aSTG1,
          tables({ SWEpisodes: [{ SW_ID: 'XX1' }, { SW_DECOM: '2023-01-01', SW_REASON: 'FCONTA' }] }),
        ),
      ),
    ).toEqual(['SWEpisodes:0:SW_DECOM+SW_ID', 'SWEpisodes:1:SW_DECOM+SW_ID'])
  })
  it('accepts a complete episode', () => {
    expect(run(ruleSW01aSTG1, tables({ SWEpisodes: [{ SW_ID: 'XX1', SW_DECOM: '2024-06-01' }] }))).toEqual([])
  })
})
