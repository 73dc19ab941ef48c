import { describe, expect, it } from 'vitest'
import { rule8896 } from './rule-8896.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8896: two open assessments', () => {
  it('flags two unauthorised assessments in one episode', () => {
    const t = tables([
      childWith({
        assessments: [
          { AssessmentActualStartDate: '2024-06-04' },
          { AssessmentActualStartDate: '2024-07-04' },
        ],
      }),
    ])
    expect(where(run(rule8896, t))).toEqual([
      'Assessments:0:AssessmentAuthorisationDate | Assessments:1:AssessmentAuthorisationDate',
    ])
  })
  it('accepts one open assessment', () => {
    const t = tables([
      childWith({
        assessments: [
          { AssessmentActualStartDate: '2024-06-04', AssessmentAuthorisationDate: '2024-07-01' },
          { AssessmentActualStartDate: '2024-07-04' },
        ],
      }),
    ])
    expect(run(rule8896, t)).toEqual([])
  })
})
