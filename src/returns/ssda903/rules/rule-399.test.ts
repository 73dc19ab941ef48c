import { describe, expect, it } from 'vitest'
import { rule399 } from './rule-399.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 399: no motherhood or reviews for short breaks only', () => {
  it('flags MOTHER and a review for a girl on short breaks only', () => {
    expect(
      where(
        run(
          rule399,
          tables({
            Header: [{ MOTHER: '0' }],
            Episodes: [{ LS: 'V4' }],
            Reviews: [{ REVIEW: '2025-06-01', REVIEW_CODE: 'PN1' }],
          }),
        ),
      ),
    ).toEqual(['Episodes:0:LS | Header:0:MOTHER', 'Episodes:0:LS | Reviews:0:REVIEW+REVIEW_CODE'])
  })
  it('accepts them when the child was also looked after otherwise', () => {
    expect(
      run(
        rule399,
        tables({
          Header: [{ MOTHER: '0' }],
          Episodes: [{ LS: 'V4', DEC: '2025-05-10', REC: 'E13' }, { DECOM: '2025-06-01' }],
          Reviews: [{ REVIEW: '2025-07-01', REVIEW_CODE: 'PN1' }],
        }),
      ),
    ).toEqual([])
  })
})
