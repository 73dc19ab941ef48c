import { describe, expect, it } from 'vitest'
import { rule2885 } from './rule-2885.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 2885: plan starts on the conference day', () => {
  it('flags a plan starting on a different day from the Section47 conference', () => {
    const t = tables([
      childWith({
        section47: [{ DateOfInitialCPC: '2024-07-01' }],
        childProtectionPlans: [{ CPPstartDate: '2024-07-02' }],
      }),
    ])
    expect(where(run(rule2885, t))).toEqual([
      'ChildProtectionPlans:0:CPPstartDate | Section47:0:DateOfInitialCPC',
    ])
  })
  it('uses the CINdetails conference when there is no Section47', () => {
    const t = tables([
      childWith({ DateOfInitialCPC: '2024-07-01', childProtectionPlans: [{ CPPstartDate: '2024-07-02' }] }),
    ])
    expect(where(run(rule2885, t))).toEqual([
      'ChildProtectionPlans:0:CPPstartDate | CINdetails:0:DateOfInitialCPC',
    ])
  })
  it('accepts a matching day and ignores plans outside the year', () => {
    const t = tables([
      childWith({
        section47: [{ DateOfInitialCPC: '2024-07-01' }],
        childProtectionPlans: [{ CPPstartDate: '2024-07-01' }],
      }),
      childWith(
        { CINreferralDate: '2024-01-02', childProtectionPlans: [{ CPPstartDate: '2024-03-01' }] },
        { LAchildID: 'C2' },
      ),
    ])
    expect(run(rule2885, t)).toEqual([])
  })
})
