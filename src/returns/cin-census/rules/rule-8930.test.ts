import { describe, expect, it } from 'vitest'
import { rule8930 } from './rule-8930.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8930: CPP end in the census year', () => {
  const plan = (end: string) => ({
    CINreferralDate: '2024-01-02',
    childProtectionPlans: [{ CPPstartDate: '2024-02-01', CPPendDate: end }],
  })
  it('flags an end before the census year', () => {
    expect(where(run(rule8930, tables([childWith(plan('2024-03-31'))])))).toEqual([
      'ChildProtectionPlans:0:CPPendDate',
    ])
  })
  it('accepts an end in it', () => {
    expect(run(rule8930, tables([childWith(plan('2024-04-01'))]))).toEqual([])
  })
})
