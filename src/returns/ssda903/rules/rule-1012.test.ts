import { describe, expect, it } from 'vitest'
import { rule1012 } from './rule-1012.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 1012: nothing else for a care leaver with no episodes', () => {
  it('flags reviews and missing episodes of a child with no episodes', () => {
    expect(
      where(
        run(
          rule1012,
          tables({
            OC3: [{ IN_TOUCH: 'YES' }],
            Reviews: [{ REVIEW: '2025-06-01', REVIEW_CODE: 'PN1' }],
            Missing: [{ MISSING: 'M', MIS_START: '2025-06-01' }],
          }),
        ),
      ),
    ).toEqual(['Missing:0:CHILD', 'Reviews:0:CHILD'])
  })
  it('accepts them for a child with episodes', () => {
    expect(
      run(rule1012, tables({ Episodes: [{}], Reviews: [{ REVIEW: '2025-06-01', REVIEW_CODE: 'PN1' }] })),
    ).toEqual([])
  })
})
