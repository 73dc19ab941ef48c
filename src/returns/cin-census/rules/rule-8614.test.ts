import { describe, expect, it } from 'vitest'
import { rule8614 } from './rule-8614.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8614: factors on an incomplete assessment', () => {
  it('flags factors on an assessment with no authorisation date', () => {
    const t = tables([
      childWith({ assessments: [{ AssessmentActualStartDate: '2024-06-04', factors: ['1A'] }] }),
    ])
    expect(where(run(rule8614, t))).toEqual(['Assessments:0:AssessmentAuthorisationDate+AssessmentFactors'])
  })
  it('accepts factors on a completed assessment', () => {
    const t = tables([
      childWith({
        assessments: [
          {
            AssessmentActualStartDate: '2024-06-04',
            AssessmentAuthorisationDate: '2024-07-01',
            factors: ['1A'],
          },
        ],
      }),
    ])
    expect(run(rule8614, t)).toEqual([])
  })
})
