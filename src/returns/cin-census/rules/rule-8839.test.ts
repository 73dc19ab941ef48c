import { describe, expect, it } from 'vitest'
import { rule8839 } from './rule-8839.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8839: two open S47 enquiries', () => {
  it('flags two enquiries with no conference in one episode', () => {
    const t = tables([
      childWith({
        section47: [
          { S47ActualStartDate: '2024-06-10', ICPCnotRequired: 'false' },
          { S47ActualStartDate: '2024-07-10', ICPCnotRequired: 'false' },
        ],
      }),
    ])
    expect(where(run(rule8839, t))).toEqual(['Section47:0:DateOfInitialCPC | Section47:1:DateOfInitialCPC'])
  })
  it('accepts one where no conference is required', () => {
    const t = tables([
      childWith({
        section47: [
          { S47ActualStartDate: '2024-06-10', ICPCnotRequired: 'true' },
          { S47ActualStartDate: '2024-07-10', ICPCnotRequired: 'false' },
        ],
      }),
    ])
    expect(run(rule8839, t)).toEqual([])
  })
})
