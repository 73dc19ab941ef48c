import { describe, expect, it } from 'vitest'
import { rule4012Q } from './rule-4012q.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 4012Q: CIN plan starts and ends the same day', () => {
  it('queries a one-day plan', () => {
    const t = tables([
      childWith({ cinPlanDates: [{ CINPlanStartDate: '2024-07-01', CINPlanEndDate: '2024-07-01' }] }),
    ])
    expect(where(run(rule4012Q, t))).toEqual(['CINplanDates:0:CINPlanStartDate+CINPlanEndDate'])
  })
  it('accepts a longer or open plan', () => {
    const t = tables([
      childWith({
        cinPlanDates: [
          { CINPlanStartDate: '2024-07-01', CINPlanEndDate: '2024-07-02' },
          { CINPlanStartDate: '2024-08-01' },
        ],
      }),
    ])
    expect(run(rule4012Q, t)).toEqual([])
  })
})
