import { describe, expect, it } from 'vitest'
import { rule8615 } from './rule-8615.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8615: S47 start and conference', () => {
  it('flags a conference without a start, or before the start', () => {
    const t = tables([
      childWith({
        section47: [
          { DateOfInitialCPC: '2024-07-01' },
          { S47ActualStartDate: '2024-07-02', DateOfInitialCPC: '2024-07-01' },
        ],
      }),
    ])
    expect(where(run(rule8615, t))).toEqual([
      'Section47:0:S47ActualStartDate+DateOfInitialCPC',
      'Section47:1:S47ActualStartDate+DateOfInitialCPC',
    ])
  })
  it('accepts a start on or before the conference', () => {
    const t = tables([
      childWith({ section47: [{ S47ActualStartDate: '2024-07-01', DateOfInitialCPC: '2024-07-01' }] }),
    ])
    expect(run(rule8615, t)).toEqual([])
  })
})
