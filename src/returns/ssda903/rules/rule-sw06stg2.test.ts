import { describe, expect, it } from 'vitest'
import { ruleSW06STG2 } from './rule-sw06stg2.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule SW06STG2: social worker episodes start by 31 March', () => {
  it('flags one starting on 1 April', () => {
    expect(
      where(run(ruleSW06STG2, tables({ SWEpisodes: [{ SW_ID: 'XX1', SW_DECOM: '2026-04-01' }] }))),
    ).toEqual(['SWEpisodes:0:SW_DECOM'])
  })
  it('accepts 31 March', () => {
    expect(run(ruleSW06STG2, tables({ SWEpisodes: [{ SW_ID: 'XX1', SW_DECOM: '2026-03-31' }] }))).toEqual([])
  })
})
