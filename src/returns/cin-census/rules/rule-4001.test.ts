import { describe, expect, it } from 'vitest'
import { rule4001 } from './rule-4001.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 4001: open CIN plan and open CPP', () => {
  it('flags an open CIN plan alongside an open child protection plan', () => {
    const t = tables([
      childWith({
        cinPlanDates: [{ CINPlanStartDate: '2024-06-10' }],
        childProtectionPlans: [{ CPPstartDate: '2024-07-01' }],
      }),
    ])
    expect(where(run(rule4001, t))).toEqual([
      'CINplanDates:0:CINPlanEndDate | ChildProtectionPlans:0:CPPendDate',
    ])
  })
  it('accepts a CIN plan that has ended', () => {
    const t = tables([
      childWith({
        cinPlanDates: [{ CINPlanStartDate: '2024-06-10', CINPlanEndDate: '2024-07-01' }],
        childProtectionPlans: [{ CPPstartDate: '2024-07-01' }],
      }),
    ])
    expect(run(rule4001, t)).toEqual([])
  })
})
