import { describe, expect, it } from 'vitest'
import { rule4003 } from './rule-4003.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 4003: review during a CIN plan', () => {
  const cpp = (review: string) => ({
    CPPstartDate: '2024-06-05',
    CPPendDate: '2024-10-01',
    reviews: [review],
  })
  it('flags a review held while a CIN plan was open', () => {
    const t = tables([
      childWith({
        cinPlanDates: [{ CINPlanStartDate: '2024-06-10', CINPlanEndDate: '2024-09-01' }],
        childProtectionPlans: [cpp('2024-07-01')],
      }),
    ])
    expect(where(run(rule4003, t))).toEqual([
      'Reviews:0:CPPreviewDate | CINplanDates:0:CINPlanStartDate | ChildProtectionPlans:0:CPPendDate',
    ])
  })
  it('accepts a review after the CIN plan ended', () => {
    const t = tables([
      childWith({
        cinPlanDates: [{ CINPlanStartDate: '2024-06-10', CINPlanEndDate: '2024-09-01' }],
        childProtectionPlans: [cpp('2024-09-15')],
      }),
    ])
    expect(run(rule4003, t)).toEqual([])
  })
})
