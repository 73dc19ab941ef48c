import { describe, expect, it } from 'vitest'
import { rule8905 } from './rule-8905.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8905: initial category of abuse', () => {
  it('flags a missing or invalid category', () => {
    const t = tables([
      childWith({
        childProtectionPlans: [
          { CPPstartDate: '2024-07-01', InitialCategoryOfAbuse: 'XXX' },
          { CPPstartDate: '2024-08-01' },
        ],
      }),
    ])
    expect(where(run(rule8905, t))).toEqual([
      'ChildProtectionPlans:0:InitialCategoryOfAbuse',
      'ChildProtectionPlans:1:InitialCategoryOfAbuse',
    ])
  })
  it('accepts a valid category', () => {
    const t = tables([
      childWith({ childProtectionPlans: [{ CPPstartDate: '2024-07-01', InitialCategoryOfAbuse: 'NEG' }] }),
    ])
    expect(run(rule8905, t)).toEqual([])
  })
})
