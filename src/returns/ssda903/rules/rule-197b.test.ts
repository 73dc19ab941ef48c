import { describe, expect, it } from 'vitest'
import { rule197B } from './rule-197b.ts'
import { run, tables, where } from './test-tables.ts'

const allYear = { DECOM: '2024-01-01' }

describe('rule 197B: SDQ score or reason for 4- and 17-year-olds', () => {
  it('flags neither for a child turning 17 on 2 April', () => {
    expect(where(run(rule197B, tables({ Episodes: [allYear], OC2: [{ DOB: '2008-04-02' }] })))).toEqual([
      'OC2:0:SDQ_REASON+DOB',
    ])
  })
  it('accepts a reason, a score, a 10-year-old and a child already 17 on 1 April (rule 189 asks blanks)', () => {
    expect(
      run(
        rule197B,
        tables({
          Episodes: [
            allYear,
            { ...allYear, CHILD: '2' },
            { ...allYear, CHILD: '3' },
            { ...allYear, CHILD: '4' },
          ],
          OC2: [
            { DOB: '2008-04-02', SDQ_REASON: 'SDQ1' },
            { CHILD: '2', DOB: '2021-12-01', SDQ_SCORE: '7' },
            { CHILD: '3', DOB: '2015-06-01' },
            { CHILD: '4', DOB: '2008-04-01' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
