import { describe, expect, it } from 'vitest'
import { rule2883 } from './rule-2883.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 2883: more plans than conferences', () => {
  it('fires for the return when a plan starts in the year with no conference', () => {
    const t = tables([childWith({ childProtectionPlans: [{ CPPstartDate: '2024-07-01' }] })])
    const issues = run(rule2883, t)
    expect(where(issues)).toEqual(['return'])
    expect(issues[0]).toMatchObject({ laChildId: null, table: null, locations: [] })
  })
  it('is quiet when a conference in the year matches', () => {
    const t = tables([
      childWith({ DateOfInitialCPC: '2024-07-01', childProtectionPlans: [{ CPPstartDate: '2024-07-01' }] }),
    ])
    expect(run(rule2883, t)).toEqual([])
  })
})
