import { describe, expect, it } from 'vitest'
import { ruleSW11bSTG2 } from './rule-sw11bstg2.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule SW11bSTG2: a social worker episode after one ending before 31 March', () => {
  it('flags a child in care at 31 March whose last social worker episode ended', () => {
    expect(
      where(
        run(
          ruleSW11bSTG2,
          tables({
            Episodes: [{}],
            SWEpisodes: [{ SW_ID: 'XX1', SW_DECOM: '2025-05-01', SW_DEC: '2026-02-01' }],
          }),
        ),
      ),
    ).toEqual(['SWEpisodes:0:SW_DEC'])
  })
  it('accepts a following episode, and a child who left care', () => {
    expect(
      run(
        ruleSW11bSTG2,
        tables({
          Episodes: [{}, { CHILD: '2', DEC: '2026-02-01', REC: 'E4A' }],
          SWEpisodes: [
            { SW_ID: 'XX1', SW_DECOM: '2025-05-01', SW_DEC: '2026-02-01' },
            { SW_ID: 'XX2', SW_DECOM: '2026-02-01' },
            { CHILD: '2', SW_ID: 'XX1', SW_DECOM: '2025-05-01', SW_DEC: '2026-02-01' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
