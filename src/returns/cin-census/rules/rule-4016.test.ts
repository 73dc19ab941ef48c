import { describe, expect, it } from 'vitest'
import { rule4016 } from './rule-4016.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 4016: CIN plan starts during a CPP', () => {
  it('flags a CIN plan starting while a child protection plan is open', () => {
    const t = tables([
      childWith({
        cinPlanDates: [{ CINPlanStartDate: '2024-07-01' }],
        childProtectionPlans: [{ CPPstartDate: '2024-06-10' }],
      }),
    ])
    expect(where(run(rule4016, t))).toEqual([
      'CINplanDates:0:CINPlanStartDate | ChildProtectionPlans:0:CPPstartDate+CPPendDate',
    ])
  })
  it('accepts a CIN plan starting on the day the CPP ends', () => {
    const t = tables([
      childWith({
        cinPlanDates: [{ CINPlanStartDate: '2024-07-01' }],
        childProtectionPlans: [{ CPPstartDate: '2024-06-10', CPPendDate: '2024-07-01' }],
      }),
    ])
    expect(run(rule4016, t)).toEqual([])
  })
})
