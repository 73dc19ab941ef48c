import { describe, expect, it } from 'vitest'
import { rule8945Q } from './rule-8945q.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8945Q: factor 18A', () => {
  const assessed = (factors: string[]) => ({
    assessments: [
      { AssessmentActualStartDate: '2024-06-04', AssessmentAuthorisationDate: '2024-07-01', factors },
    ],
  })
  it('queries 18A', () => {
    expect(where(run(rule8945Q, tables([childWith(assessed(['1A', '18A']))])))).toEqual([
      'Assessments:0:AssessmentFactors',
    ])
  })
  it('accepts 18B and applies from 2024-25', () => {
    expect(run(rule8945Q, tables([childWith(assessed(['18B']))]))).toEqual([])
    expect(rule8945Q.years).toEqual(['2024-25', '2025-26'])
  })
})
