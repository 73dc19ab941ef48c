import { describe, expect, it } from 'vitest'
import { rule167 } from './rule-167.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 167: participation code', () => {
  it('flags PN8 and a blank', () => {
    expect(
      where(
        run(
          rule167,
          tables({ Reviews: [{ REVIEW: '2025-06-01', REVIEW_CODE: 'PN8' }, { REVIEW: '2025-09-01' }] }),
        ),
      ),
    ).toEqual(['Reviews:0:REVIEW_CODE', 'Reviews:1:REVIEW_CODE'])
  })
  it('accepts PN1', () => {
    expect(run(rule167, tables({ Reviews: [{ REVIEW: '2025-06-01', REVIEW_CODE: 'PN1' }] }))).toEqual([])
  })
})
