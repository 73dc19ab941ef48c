import { describe, expect, it } from 'vitest'
import { rule8898 } from './rule-8898.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8898: repeated factor', () => {
  const assessed = (factors: string[]) => ({
    assessments: [
      { AssessmentActualStartDate: '2024-06-04', AssessmentAuthorisationDate: '2024-07-01', factors },
    ],
  })
  it('flags a factor given twice', () => {
    expect(where(run(rule8898, tables([childWith(assessed(['1A', '1A']))])))).toEqual([
      'Assessments:0:AssessmentFactors',
    ])
  })
  it('accepts different factors', () => {
    expect(run(rule8898, tables([childWith(assessed(['1A', '2A']))]))).toEqual([])
  })
})
