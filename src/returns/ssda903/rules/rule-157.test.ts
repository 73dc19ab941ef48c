import { describe, expect, it } from 'vitest'
import { rule157 } from './rule-157.ts'
import { run, tables, where } from './test-tables.ts'

const allYear = { DECOM: '2024-01-01' }

describe('rule 157: SDQ1 is not a reason for a child aged 4 to 16', () => {
  it('flags SDQ1 for a 13-year-old', () => {
    expect(
      where(run(rule157, tables({ Episodes: [allYear], OC2: [{ DOB: '2012-06-15', SDQ_REASON: 'SDQ1' }] }))),
    ).toEqual(['OC2:0:SDQ_REASON+DOB'])
  })
  it('accepts SDQ1 for a child turning 4 in the year, and for one turning 17', () => {
    expect(
      run(
        rule157,
        tables({
          Episodes: [allYear, { ...allYear, CHILD: '2' }],
          OC2: [
            { DOB: '2021-09-01', SDQ_REASON: 'SDQ1' },
            { CHILD: '2', DOB: '2008-09-01', SDQ_REASON: 'SDQ1' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
