import { describe, expect, it } from 'vitest'
import { rule8825Q } from './rule-8825q.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8825Q: RC8/RC9 with no assessment', () => {
  const closed = { CINclosureDate: '2024-09-01', ReasonForClosure: 'RC8' }
  it('queries closure after assessment when there is no assessment', () => {
    expect(where(run(rule8825Q, tables([childWith(closed)])))).toEqual(['CINdetails:0:ReasonForClosure'])
  })
  it('accepts it with an assessment', () => {
    const t = tables([
      childWith({
        ...closed,
        assessments: [{ AssessmentActualStartDate: '2024-06-04', AssessmentAuthorisationDate: '2024-07-01' }],
      }),
    ])
    expect(run(rule8825Q, t)).toEqual([])
  })
})
