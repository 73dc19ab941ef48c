import { describe, expect, it } from 'vitest'
import { rule8730 } from './rule-8730.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8730: number of previous plans', () => {
  it('flags a missing, negative or non-numeric count', () => {
    const t = tables([
      childWith({
        childProtectionPlans: [null, '-1', 'two'].map((NumberOfPreviousCPP) => ({
          CPPstartDate: '2024-07-01',
          NumberOfPreviousCPP,
        })),
      }),
    ])
    expect(where(run(rule8730, t))).toEqual([
      'ChildProtectionPlans:0:NumberOfPreviousCPP',
      'ChildProtectionPlans:1:NumberOfPreviousCPP',
      'ChildProtectionPlans:2:NumberOfPreviousCPP',
    ])
  })
  it('accepts 0 and more', () => {
    const t = tables([
      childWith({
        childProtectionPlans: ['0', '3'].map((NumberOfPreviousCPP) => ({
          CPPstartDate: '2024-07-01',
          NumberOfPreviousCPP,
        })),
      }),
    ])
    expect(run(rule8730, t)).toEqual([])
  })
})
