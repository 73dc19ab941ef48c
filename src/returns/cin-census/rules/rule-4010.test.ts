import { describe, expect, it } from 'vitest'
import { rule4010 } from './rule-4010.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 4010: CIN plan start date', () => {
  it('flags a missing start or one after the reference date', () => {
    const t = tables([
      childWith({ cinPlanDates: [{ CINPlanEndDate: '2024-09-01' }, { CINPlanStartDate: '2025-04-01' }] }),
    ])
    expect(where(run(rule4010, t))).toEqual([
      'CINplanDates:0:CINPlanStartDate',
      'CINplanDates:1:CINPlanStartDate',
    ])
  })
  it('accepts a start on or before the reference date', () => {
    const t = tables([childWith({ cinPlanDates: [{ CINPlanStartDate: '2025-03-31' }] })])
    expect(run(rule4010, t)).toEqual([])
  })
})
