import { describe, expect, it } from 'vitest'
import { rule8869 } from './rule-8869.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8869: factor 21 with others', () => {
  const assessed = (factors: string[]) => ({
    assessments: [
      { AssessmentActualStartDate: '2024-06-04', AssessmentAuthorisationDate: '2024-07-01', factors },
    ],
  })
  it('flags 21 together with another factor', () => {
    expect(where(run(rule8869, tables([childWith(assessed(['21', '1A']))])))).toEqual([
      'Assessments:0:AssessmentFactors',
    ])
  })
  it('accepts 21 alone', () => {
    expect(run(rule8869, tables([childWith(assessed(['21']))]))).toEqual([])
  })
})
