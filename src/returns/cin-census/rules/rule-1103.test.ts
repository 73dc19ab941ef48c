import { describe, expect, it } from 'vitest'
import { rule1103 } from './rule-1103.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 1103: assessment before referral', () => {
  it('flags an assessment starting before the referral', () => {
    const t = tables([childWith({ assessments: [{ AssessmentActualStartDate: '2024-06-01' }] })])
    const issues = run(rule1103, t)
    expect(where(issues)).toEqual(['Assessments:0:AssessmentActualStartDate | CINdetails:0:CINreferralDate'])
    expect(issues[0]).toMatchObject({ laChildId: 'C1', ids: { CINdetailsID: 1, AssessmentID: 1 } })
  })
  it('accepts an assessment starting on the referral date', () => {
    const t = tables([childWith({ assessments: [{ AssessmentActualStartDate: '2024-06-03' }] })])
    expect(run(rule1103, t)).toEqual([])
  })
})
