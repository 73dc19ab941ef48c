import { describe, expect, it } from 'vitest'
import { rule8950Q } from './rule-8950q.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8950Q: factor 19A', () => {
  const assessed = (factors: string[]) => ({
    assessments: [
      { AssessmentActualStartDate: '2024-06-04', AssessmentAuthorisationDate: '2024-07-01', factors },
    ],
  })
  it('queries 19A in either case', () => {
    expect(where(run(rule8950Q, tables([childWith(assessed(['19a']))])))).toEqual([
      'Assessments:0:AssessmentFactors',
    ])
  })
  it('accepts 19C and applies from 2024-25', () => {
    expect(run(rule8950Q, tables([childWith(assessed(['19C']))]))).toEqual([])
    expect(rule8950Q.years).toEqual(['2024-25', '2025-26'])
  })
})
