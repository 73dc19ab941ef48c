import { describe, expect, it } from 'vitest'
import { rule4008 } from './rule-4008.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 4008: CIN plan after death', () => {
  it('flags a CIN plan starting after the date of death', () => {
    const t = tables([
      childWith({ cinPlanDates: [{ CINPlanStartDate: '2024-09-01' }] }, { PersonDeathDate: '2024-08-01' }),
    ])
    expect(where(run(rule4008, t))).toEqual([
      'CINplanDates:0:CINPlanStartDate | ChildIdentifiers:0:PersonDeathDate',
    ])
  })
  it('accepts a plan starting before the death', () => {
    const t = tables([
      childWith({ cinPlanDates: [{ CINPlanStartDate: '2024-07-01' }] }, { PersonDeathDate: '2024-08-01' }),
    ])
    expect(run(rule4008, t)).toEqual([])
  })
})
