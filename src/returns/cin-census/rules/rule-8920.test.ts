import { describe, expect, it } from 'vitest'
import { rule8920 } from './rule-8920.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8920: CPP ends after death', () => {
  const plan = (end: string) => ({ childProtectionPlans: [{ CPPstartDate: '2024-07-01', CPPendDate: end }] })
  it('flags a plan ending after the date of death', () => {
    const t = tables([childWith(plan('2024-08-02'), { PersonDeathDate: '2024-08-01' })])
    expect(where(run(rule8920, t))).toEqual([
      'ChildProtectionPlans:0:CPPendDate | ChildIdentifiers:0:PersonDeathDate',
    ])
  })
  it('accepts a plan ending on the date of death', () => {
    expect(run(rule8920, tables([childWith(plan('2024-08-01'), { PersonDeathDate: '2024-08-01' })]))).toEqual(
      [],
    )
  })
})
