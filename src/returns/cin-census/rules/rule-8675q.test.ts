import { describe, expect, it } from 'vitest'
import { rule8675Q } from './rule-8675q.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8675Q: long-running S47 enquiry', () => {
  // 15 working days back from Monday 31 March 2025, counting that day, is 11 March 2025.
  const s47 = (start: string, notRequired = 'false') => ({
    section47: [{ S47ActualStartDate: start, ICPCnotRequired: notRequired }],
  })
  it('queries an enquiry with no conference started before the cut-off', () => {
    expect(where(run(rule8675Q, tables([childWith(s47('2025-03-10'))])))).toEqual([
      'Section47:0:DateOfInitialCPC+S47ActualStartDate+ICPCnotRequired',
    ])
  })
  it('accepts one started on the cut-off, or with no conference required', () => {
    expect(run(rule8675Q, tables([childWith(s47('2025-03-11'))]))).toEqual([])
    expect(run(rule8675Q, tables([childWith(s47('2025-01-10', 'true'))]))).toEqual([])
  })
})
