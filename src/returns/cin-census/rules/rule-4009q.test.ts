import { describe, expect, it } from 'vitest'
import { rule4009Q } from './rule-4009q.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 4009Q: CIN plan ends after death', () => {
  const plan = (end: string) => ({ cinPlanDates: [{ CINPlanStartDate: '2024-07-01', CINPlanEndDate: end }] })
  it('queries a CIN plan ending after the date of death', () => {
    const t = tables([childWith(plan('2024-09-01'), { PersonDeathDate: '2024-08-01' })])
    expect(where(run(rule4009Q, t))).toEqual([
      'CINplanDates:0:CINPlanEndDate | ChildIdentifiers:0:PersonDeathDate',
    ])
  })
  it('accepts a plan ending on the date of death', () => {
    expect(
      run(rule4009Q, tables([childWith(plan('2024-08-01'), { PersonDeathDate: '2024-08-01' })])),
    ).toEqual([])
  })
})
