import { describe, expect, it } from 'vitest'
import { rule8608 } from './rule-8608.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8608: assessment ends before it starts', () => {
  it('flags an authorisation before the start', () => {
    const t = tables([
      childWith({
        assessments: [{ AssessmentActualStartDate: '2024-07-02', AssessmentAuthorisationDate: '2024-07-01' }],
      }),
    ])
    expect(where(run(rule8608, t))).toEqual([
      'Assessments:0:AssessmentActualStartDate+AssessmentAuthorisationDate',
    ])
  })
  it('accepts authorisation on the start date', () => {
    const t = tables([
      childWith({
        assessments: [{ AssessmentActualStartDate: '2024-07-02', AssessmentAuthorisationDate: '2024-07-02' }],
      }),
    ])
    expect(run(rule8608, t)).toEqual([])
  })
})
