import { describe, expect, it } from 'vitest'
import { rule8890 } from './rule-8890.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8890: S47 during another S47', () => {
  const first = { S47ActualStartDate: '2024-06-03', DateOfInitialCPC: '2024-06-20' }
  it('flags an enquiry starting while another is under way', () => {
    const t = tables([
      childWith({ section47: [first, { S47ActualStartDate: '2024-06-10', DateOfInitialCPC: '2024-06-28' }] }),
    ])
    expect(where(run(rule8890, t))).toEqual([
      'Section47:1:S47ActualStartDate | Section47:0:S47ActualStartDate+DateOfInitialCPC',
    ])
  })
  it('accepts one starting after the other conference', () => {
    const t = tables([
      childWith({ section47: [first, { S47ActualStartDate: '2024-06-21', DateOfInitialCPC: '2024-06-28' }] }),
    ])
    expect(run(rule8890, t)).toEqual([])
  })
})
