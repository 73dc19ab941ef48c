import { describe, expect, it } from 'vitest'
import { rule8910 } from './rule-8910.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8910: latest category of abuse', () => {
  it('flags a missing or invalid category', () => {
    const t = tables([
      childWith({
        childProtectionPlans: [
          { CPPstartDate: '2024-07-01', LatestCategoryOfAbuse: 'XXX' },
          { CPPstartDate: '2024-08-01' },
        ],
      }),
    ])
    expect(where(run(rule8910, t))).toEqual([
      'ChildProtectionPlans:0:LatestCategoryOfAbuse',
      'ChildProtectionPlans:1:LatestCategoryOfAbuse',
    ])
  })
  it('accepts a valid category', () => {
    const t = tables([
      childWith({ childProtectionPlans: [{ CPPstartDate: '2024-07-01', LatestCategoryOfAbuse: 'MUL' }] }),
    ])
    expect(run(rule8910, t)).toEqual([])
  })
})
