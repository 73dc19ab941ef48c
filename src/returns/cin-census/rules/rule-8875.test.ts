import { describe, expect, it } from 'vitest'
import { rule8875 } from './rule-8875.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8875: conference on a weekend', () => {
  it('flags a Sunday conference', () => {
    const t = tables([
      childWith({ section47: [{ S47ActualStartDate: '2024-06-10', DateOfInitialCPC: '2024-07-07' }] }),
    ])
    expect(where(run(rule8875, t))).toEqual(['Section47:0:DateOfInitialCPC'])
  })
  it('accepts a weekday conference', () => {
    const t = tables([
      childWith({ section47: [{ S47ActualStartDate: '2024-06-10', DateOfInitialCPC: '2024-07-05' }] }),
    ])
    expect(run(rule8875, t)).toEqual([])
  })
})
