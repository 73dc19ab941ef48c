import { describe, expect, it } from 'vitest'
import { rule8740 } from './rule-8740.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8740: S47 start in the census year', () => {
  const s47 = (notRequired: string) => ({
    CINreferralDate: '2024-01-02',
    section47: [{ S47ActualStartDate: '2024-03-01', ICPCnotRequired: notRequired }],
  })
  it('flags an enquiry with no conference that started before the year', () => {
    expect(where(run(rule8740, tables([childWith(s47('false'))])))).toEqual([
      'Section47:0:S47ActualStartDate+DateOfInitialCPC+ICPCnotRequired',
    ])
    expect(run(rule8740, tables([childWith(s47('0'))]))).toHaveLength(1)
  })
  it('accepts one where no conference is required', () => {
    expect(run(rule8740, tables([childWith(s47('true'))]))).toEqual([])
  })
})
