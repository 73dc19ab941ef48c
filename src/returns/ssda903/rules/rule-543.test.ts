import { describe, expect, it } from 'vitest'
import { rule543 } from './rule-543.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 543: convictions for a child of 10 or over', () => {
  it('flags a blank conviction item for a 13-year-old', () => {
    expect(
      where(run(rule543, tables({ Episodes: [{ DECOM: '2023-01-01' }], OC2: [{ DOB: '2012-06-15' }] }))),
    ).toEqual(['OC2:0:CONVICTED+DOB'])
  })
  it('accepts 0, and a blank for a child of 9', () => {
    expect(
      run(
        rule543,
        tables({
          Episodes: [{ DECOM: '2023-01-01' }, { CHILD: '2', DECOM: '2023-01-01' }],
          OC2: [
            { DOB: '2012-06-15', CONVICTED: '0' },
            { CHILD: '2', DOB: '2017-01-01' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
