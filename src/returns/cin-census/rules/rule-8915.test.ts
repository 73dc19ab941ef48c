import { describe, expect, it } from 'vitest'
import { rule8915 } from './rule-8915.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8915: CPP starts after death', () => {
  it('flags a plan starting after the date of death', () => {
    const t = tables([
      childWith(
        { childProtectionPlans: [{ CPPstartDate: '2024-08-02' }] },
        { PersonDeathDate: '2024-08-01' },
      ),
    ])
    expect(where(run(rule8915, t))).toEqual([
      'ChildProtectionPlans:0:CPPstartDate | ChildIdentifiers:0:PersonDeathDate',
    ])
  })
  it('accepts a plan starting on the date of death', () => {
    const t = tables([
      childWith(
        { childProtectionPlans: [{ CPPstartDate: '2024-08-01' }] },
        { PersonDeathDate: '2024-08-01' },
      ),
    ])
    expect(run(rule8915, t)).toEqual([])
  })
})
