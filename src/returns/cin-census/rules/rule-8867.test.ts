import { describe, expect, it } from 'vitest'
import { rule8867 } from './rule-8867.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8867: closed episode with unfinished assessment', () => {
  const closed = { CINclosureDate: '2024-09-01', ReasonForClosure: 'RC1' }
  it('flags an assessment with no authorisation on a closed episode', () => {
    const t = tables([childWith({ ...closed, assessments: [{ AssessmentActualStartDate: '2024-06-04' }] })])
    expect(where(run(rule8867, t))).toEqual([
      'CINdetails:0:CINclosureDate | Assessments:0:AssessmentAuthorisationDate',
    ])
  })
  it('accepts an authorised assessment', () => {
    const t = tables([
      childWith({
        ...closed,
        assessments: [{ AssessmentActualStartDate: '2024-06-04', AssessmentAuthorisationDate: '2024-07-01' }],
      }),
    ])
    expect(run(rule8867, t)).toEqual([])
  })
})
