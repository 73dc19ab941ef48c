import { describe, expect, it } from 'vitest'
import { rule8565 } from './rule-8565.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8565: activity after closure', () => {
  const closed = { CINclosureDate: '2024-08-01', ReasonForClosure: 'RC1' }
  it('flags modules dated after the closure date', () => {
    const t = tables([
      childWith({
        ...closed,
        assessments: [{ AssessmentActualStartDate: '2024-08-02' }],
        childProtectionPlans: [{ CPPstartDate: '2024-06-10', CPPendDate: '2024-08-05' }],
      }),
    ])
    expect(where(run(rule8565, t))).toEqual([
      'CINdetails:0:CINclosureDate+DateOfInitialCPC | Assessments:0:AssessmentActualStartDate+AssessmentAuthorisationDate | ChildProtectionPlans:0:CPPendDate',
    ])
  })
  it('flags a conference after closure', () => {
    expect(where(run(rule8565, tables([childWith({ ...closed, DateOfInitialCPC: '2024-08-02' })])))).toEqual([
      'CINdetails:0:CINclosureDate+DateOfInitialCPC',
    ])
  })
  it('accepts activity up to the closure date', () => {
    const t = tables([
      childWith({
        ...closed,
        assessments: [{ AssessmentActualStartDate: '2024-06-04', AssessmentAuthorisationDate: '2024-08-01' }],
        cinPlanDates: [{ CINPlanStartDate: '2024-07-01', CINPlanEndDate: '2024-08-01' }],
      }),
    ])
    expect(run(rule8565, t)).toEqual([])
  })
})
