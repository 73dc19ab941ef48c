import { describe, expect, it } from 'vitest'
import { rule440 } from './rule-440.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 440: PN0 for a child of 4 or over', () => {
  it('flags PN0 for a child of 5', () => {
    expect(
      where(
        run(rule440, tables({ Reviews: [{ DOB: '2020-01-01', REVIEW: '2025-06-01', REVIEW_CODE: 'PN0' }] })),
      ),
    ).toEqual(['Reviews:0:DOB+REVIEW+REVIEW_CODE'])
  })
  it('accepts PN0 for a child of 3', () => {
    expect(
      run(rule440, tables({ Reviews: [{ DOB: '2022-01-01', REVIEW: '2025-06-01', REVIEW_CODE: 'PN0' }] })),
    ).toEqual([])
  })
})
