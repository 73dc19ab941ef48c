import { describe, expect, it } from 'vitest'
import { rule8873Q } from './rule-8873q.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8873Q: no factors but not closed as RC8/RC9', () => {
  const only21 = {
    AssessmentActualStartDate: '2024-06-04',
    AssessmentAuthorisationDate: '2024-07-01',
    factors: ['21'],
  }
  it('queries a single assessment with factor 21 on an episode not closed as RC8/RC9', () => {
    expect(where(run(rule8873Q, tables([childWith({ assessments: [only21] })])))).toEqual([
      'Assessments:0:AssessmentFactors | CINdetails:0:ReasonForClosure',
    ])
  })
  it('accepts RC8, and episodes with more than one assessment', () => {
    const t = tables([
      childWith({ CINclosureDate: '2024-08-01', ReasonForClosure: 'RC8', assessments: [only21] }),
      childWith({ assessments: [only21, { ...only21, factors: ['1A'] }] }, { LAchildID: 'C2' }),
    ])
    expect(run(rule8873Q, t)).toEqual([])
  })
})
