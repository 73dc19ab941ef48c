import { describe, expect, it } from 'vitest'
import { rule8863Q } from './rule-8863q.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8863Q: assessment during another assessment', () => {
  const first = { AssessmentActualStartDate: '2024-06-03', AssessmentAuthorisationDate: '2024-07-01' }
  it('queries an assessment starting while another is under way', () => {
    const t = tables([childWith({ assessments: [first, { AssessmentActualStartDate: '2024-06-20' }] })])
    expect(where(run(rule8863Q, t))).toEqual([
      'Assessments:1:AssessmentActualStartDate | Assessments:0:AssessmentActualStartDate+AssessmentAuthorisationDate',
    ])
  })
  it('accepts one starting after the other was authorised', () => {
    const t = tables([childWith({ assessments: [first, { AssessmentActualStartDate: '2024-07-02' }] })])
    expect(run(rule8863Q, t)).toEqual([])
  })
})
