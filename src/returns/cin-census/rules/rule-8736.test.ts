import { describe, expect, it } from 'vitest'
import { rule8736 } from './rule-8736.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8736: unfinished assessment start in the census year', () => {
  it('flags an unfinished assessment started before the year or with no start', () => {
    const t = tables([
      childWith({
        CINreferralDate: '2024-01-02',
        assessments: [{ AssessmentActualStartDate: '2024-03-01' }, {}],
      }),
    ])
    expect(where(run(rule8736, t))).toEqual([
      'Assessments:0:AssessmentAuthorisationDate+AssessmentActualStartDate',
      'Assessments:1:AssessmentAuthorisationDate+AssessmentActualStartDate',
    ])
  })
  it('accepts an unfinished assessment started in the year, and finished ones', () => {
    const t = tables([
      childWith({
        CINreferralDate: '2024-01-02',
        assessments: [
          { AssessmentActualStartDate: '2024-04-01' },
          { AssessmentActualStartDate: '2024-03-01', AssessmentAuthorisationDate: '2024-04-10' },
        ],
      }),
    ])
    expect(run(rule8736, t)).toEqual([])
  })
})
