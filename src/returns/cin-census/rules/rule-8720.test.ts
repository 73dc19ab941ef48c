import { describe, expect, it } from 'vitest'
import { rule8720 } from './rule-8720.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8720: CPP start date', () => {
  it('flags a missing start or one after the reference date', () => {
    const t = tables([
      childWith({ childProtectionPlans: [{ CPPendDate: '2024-09-01' }, { CPPstartDate: '2025-04-01' }] }),
    ])
    expect(where(run(rule8720, t))).toEqual([
      'ChildProtectionPlans:0:CPPstartDate',
      'ChildProtectionPlans:1:CPPstartDate',
    ])
  })
  it('accepts a start before it', () => {
    expect(
      run(rule8720, tables([childWith({ childProtectionPlans: [{ CPPstartDate: '2024-07-01' }] })])),
    ).toEqual([])
  })
})
