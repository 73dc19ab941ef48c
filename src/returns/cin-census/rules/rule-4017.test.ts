import { describe, expect, it } from 'vitest'
import { rule4017 } from './rule-4017.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 4017: CPP starts during a CIN plan', () => {
  it('flags a child protection plan starting while a CIN plan is open', () => {
    const t = tables([
      childWith({
        cinPlanDates: [{ CINPlanStartDate: '2024-06-10' }],
        childProtectionPlans: [{ CPPstartDate: '2024-07-01' }],
      }),
    ])
    expect(where(run(rule4017, t))).toEqual([
      'ChildProtectionPlans:0:CPPstartDate | CINplanDates:0:CINPlanStartDate+CINPlanEndDate',
    ])
  })
  it('accepts a plan starting on the day the CIN plan ends', () => {
    const t = tables([
      childWith({
        cinPlanDates: [{ CINPlanStartDate: '2024-06-10', CINPlanEndDate: '2024-07-01' }],
        childProtectionPlans: [{ CPPstartDate: '2024-07-01' }],
      }),
    ])
    expect(run(rule4017, t)).toEqual([])
  })
})
