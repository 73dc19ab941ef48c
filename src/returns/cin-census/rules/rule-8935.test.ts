import { describe, expect, it } from 'vitest'
import { rule8935 } from './rule-8935.ts'
import { child, childWith, episode, run, tables, where } from './test-tables.ts'

describe('rule 8935: two open CPPs', () => {
  it('flags two open plans of a child, even in different episodes', () => {
    const t = tables([
      child({
        cinDetails: [
          episode({ childProtectionPlans: [{ CPPstartDate: '2024-07-01' }] }),
          episode({ CINreferralDate: '2024-09-01', childProtectionPlans: [{ CPPstartDate: '2024-09-10' }] }),
        ],
      }),
    ])
    expect(where(run(rule8935, t))).toEqual([
      'ChildProtectionPlans:0:CPPendDate | ChildProtectionPlans:1:CPPendDate',
    ])
  })
  it('accepts one open plan', () => {
    const t = tables([
      childWith({
        childProtectionPlans: [
          { CPPstartDate: '2024-07-01', CPPendDate: '2024-08-01' },
          { CPPstartDate: '2024-09-10' },
        ],
      }),
    ])
    expect(run(rule8935, t)).toEqual([])
  })
})
