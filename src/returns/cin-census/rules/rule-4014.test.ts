import { describe, expect, it } from 'vitest'
import { rule4014 } from './rule-4014.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 4014: overlapping CIN plans', () => {
  const plans = (firstEnd: string) => ({
    cinPlanDates: [
      { CINPlanStartDate: '2024-06-10', CINPlanEndDate: firstEnd },
      { CINPlanStartDate: '2024-08-01', CINPlanEndDate: '2024-10-01' },
    ],
  })
  it('flags a plan starting while another is open', () => {
    expect(where(run(rule4014, tables([childWith(plans('2024-09-01'))])))).toEqual([
      'CINplanDates:1:CINPlanStartDate | CINplanDates:0:CINPlanStartDate+CINPlanEndDate',
    ])
  })
  it('accepts consecutive plans', () => {
    expect(run(rule4014, tables([childWith(plans('2024-07-31'))]))).toEqual([])
  })
})
