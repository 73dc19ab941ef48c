import { describe, expect, it } from 'vitest'
import { rule441 } from './rule-441.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 441: PN1–PN7 for a child under 4', () => {
  it('flags PN1 for a child of 3', () => {
    expect(
      where(
        run(rule441, tables({ Reviews: [{ DOB: '2022-01-01', REVIEW: '2025-06-01', REVIEW_CODE: 'PN1' }] })),
      ),
    ).toEqual(['Reviews:0:DOB+REVIEW+REVIEW_CODE'])
  })
  it('accepts PN1 for a child of 5', () => {
    expect(
      run(rule441, tables({ Reviews: [{ DOB: '2020-01-01', REVIEW: '2025-06-01', REVIEW_CODE: 'PN1' }] })),
    ).toEqual([])
  })
})
