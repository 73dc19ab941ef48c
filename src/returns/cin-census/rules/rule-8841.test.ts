import { describe, expect, it } from 'vitest'
import { rule8841 } from './rule-8841.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8841: review on or before the plan start', () => {
  it('flags a review on the start date', () => {
    const t = tables([
      childWith({ childProtectionPlans: [{ CPPstartDate: '2024-07-01', reviews: ['2024-07-01'] }] }),
    ])
    expect(where(run(rule8841, t))).toEqual(['ChildProtectionPlans:0:CPPstartDate | Reviews:0:CPPreviewDate'])
  })
  it('accepts a later review', () => {
    const t = tables([
      childWith({ childProtectionPlans: [{ CPPstartDate: '2024-07-01', reviews: ['2024-07-02'] }] }),
    ])
    expect(run(rule8841, t)).toEqual([])
  })
})
