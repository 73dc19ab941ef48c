import { describe, expect, it } from 'vitest'
import { ruleSW09STG2 } from './rule-sw09stg2.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule SW09STG2: social worker episodes last a day', () => {
  it('flags one ending the day it began', () => {
    expect(
      where(
        run(
          ruleSW09STG2,
          tables({ SWEpisodes: [{ SW_ID: 'XX1', SW_DECOM: '2025-06-01', SW_DEC: '2025-06-01' }] }),
        ),
      ),
    ).toEqual(['SWEpisodes:0:SW_DECOM+SW_DEC'])
  })
  it('accepts one ending the next day, and one still open', () => {
    expect(
      run(
        ruleSW09STG2,
        tables({
          SWEpisodes: [
            { SW_ID: 'XX1', SW_DECOM: '2025-06-01', SW_DEC: '2025-06-02' },
            { SW_ID: 'XX2', SW_DECOM: '2025-06-02' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
