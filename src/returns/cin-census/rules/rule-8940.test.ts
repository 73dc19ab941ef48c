import { describe, expect, it } from 'vitest'
import { rule8940 } from './rule-8940.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8940: overlapping CPPs', () => {
  const plans = (firstEnd: string) => ({
    childProtectionPlans: [
      { CPPstartDate: '2024-06-10', CPPendDate: firstEnd },
      { CPPstartDate: '2024-08-01', CPPendDate: '2024-10-01' },
    ],
  })
  it('flags a plan starting while another is open', () => {
    expect(where(run(rule8940, tables([childWith(plans('2024-09-01'))])))).toEqual([
      'ChildProtectionPlans:1:CPPstartDate | ChildProtectionPlans:0:CPPstartDate+CPPendDate',
    ])
  })
  it('accepts consecutive plans', () => {
    expect(run(rule8940, tables([childWith(plans('2024-07-31'))]))).toEqual([])
  })
})
