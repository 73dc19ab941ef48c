import { describe, expect, it } from 'vitest'
import { rule4004 } from './rule-4004.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 4004: two open CIN plans', () => {
  it('flags the open plans of an episode', () => {
    const t = tables([
      childWith({ cinPlanDates: [{ CINPlanStartDate: '2024-06-10' }, { CINPlanStartDate: '2024-08-10' }] }),
    ])
    expect(where(run(rule4004, t))).toEqual(['CINplanDates:0:CINPlanEndDate | CINplanDates:1:CINPlanEndDate'])
  })
  it('accepts one open plan', () => {
    const t = tables([
      childWith({
        cinPlanDates: [
          { CINPlanStartDate: '2024-06-10', CINPlanEndDate: '2024-08-01' },
          { CINPlanStartDate: '2024-08-10' },
        ],
      }),
    ])
    expect(run(rule4004, t)).toEqual([])
  })
})
