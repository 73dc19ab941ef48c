import { describe, expect, it } from 'vitest'
import { rule4011 } from './rule-4011.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 4011: CIN plan ends before it starts', () => {
  it('flags an end before the start', () => {
    const t = tables([
      childWith({ cinPlanDates: [{ CINPlanStartDate: '2024-07-01', CINPlanEndDate: '2024-06-30' }] }),
    ])
    expect(where(run(rule4011, t))).toEqual(['CINplanDates:0:CINPlanEndDate+CINPlanStartDate'])
  })
  it('accepts an end on the start date', () => {
    const t = tables([
      childWith({ cinPlanDates: [{ CINPlanStartDate: '2024-07-01', CINPlanEndDate: '2024-07-01' }] }),
    ])
    expect(run(rule4011, t)).toEqual([])
  })
})
