import { describe, expect, it } from 'vitest'
import { rule8530Q } from './rule-8530q.ts'
import { child, run, tables, where } from './test-tables.ts'

describe('rule 8530Q: expected date of birth range', () => {
  const unborn = (due: string) => child({ PersonBirthDate: null, ExpectedPersonBirthDate: due })
  it('queries a due date 9 months or more after, or 30 days or more before, the reference date', () => {
    expect(where(run(rule8530Q, tables([unborn('2025-12-31')])))).toEqual([
      'ChildIdentifiers:0:ExpectedPersonBirthDate',
    ])
    expect(where(run(rule8530Q, tables([unborn('2025-03-01')])))).toEqual([
      'ChildIdentifiers:0:ExpectedPersonBirthDate',
    ])
  })
  it('accepts a due date inside the range', () => {
    expect(run(rule8530Q, tables([unborn('2025-03-02'), unborn('2025-12-30')]))).toEqual([])
  })
})
