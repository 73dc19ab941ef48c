import { describe, expect, it } from 'vitest'
import { rule8831 } from './rule-8831.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8831: activity on an NFA referral', () => {
  it('flags a conference or an assessment on a referral with no further action', () => {
    const t = tables([
      childWith({ ReferralNFA: 'true', DateOfInitialCPC: '2024-07-01' }),
      childWith(
        { ReferralNFA: 'true', assessments: [{ AssessmentActualStartDate: '2024-06-04' }] },
        { LAchildID: 'C2' },
      ),
    ])
    expect(where(run(rule8831, t))).toEqual([
      'CINdetails:0:DateOfInitialCPC',
      'CINdetails:1:DateOfInitialCPC | Assessments:0:LAchildID',
    ])
  })
  it('accepts activity after further action, and an NFA referral with none', () => {
    const t = tables([
      childWith({ DateOfInitialCPC: '2024-07-01' }),
      childWith({ ReferralNFA: 'true' }, { LAchildID: 'C2' }),
    ])
    expect(run(rule8831, t)).toEqual([])
  })
})
