import { describe, expect, it } from 'vitest'
import { rule8925 } from './rule-8925.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8925: CPP ends before it starts', () => {
  it('flags an end before the start', () => {
    const t = tables([
      childWith({ childProtectionPlans: [{ CPPstartDate: '2024-07-02', CPPendDate: '2024-07-01' }] }),
    ])
    expect(where(run(rule8925, t))).toEqual(['ChildProtectionPlans:0:CPPstartDate+CPPendDate'])
  })
  it('accepts an end after the start', () => {
    const t = tables([
      childWith({ childProtectionPlans: [{ CPPstartDate: '2024-07-02', CPPendDate: '2024-09-01' }] }),
    ])
    expect(run(rule8925, t)).toEqual([])
  })
})
