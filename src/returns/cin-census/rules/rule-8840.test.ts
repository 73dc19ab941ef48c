import { describe, expect, it } from 'vitest'
import { rule8840 } from './rule-8840.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8840: CPP starts and ends the same day', () => {
  it('flags a one-day plan', () => {
    const t = tables([
      childWith({ childProtectionPlans: [{ CPPstartDate: '2024-07-01', CPPendDate: '2024-07-01' }] }),
    ])
    expect(where(run(rule8840, t))).toEqual(['ChildProtectionPlans:0:CPPstartDate+CPPendDate'])
  })
  it('accepts a longer plan', () => {
    const t = tables([
      childWith({ childProtectionPlans: [{ CPPstartDate: '2024-07-01', CPPendDate: '2024-07-02' }] }),
    ])
    expect(run(rule8840, t)).toEqual([])
  })
})
