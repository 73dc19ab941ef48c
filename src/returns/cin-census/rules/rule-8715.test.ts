import { describe, expect, it } from 'vitest'
import { rule8715 } from './rule-8715.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8715: conference in the census year', () => {
  it('flags a conference after the reference date', () => {
    const t = tables([
      childWith({ section47: [{ S47ActualStartDate: '2025-03-20', DateOfInitialCPC: '2025-04-01' }] }),
    ])
    expect(where(run(rule8715, t))).toEqual(['Section47:0:DateOfInitialCPC'])
  })
  it('accepts one inside it', () => {
    const t = tables([
      childWith({ section47: [{ S47ActualStartDate: '2025-03-20', DateOfInitialCPC: '2025-03-31' }] }),
    ])
    expect(run(rule8715, t)).toEqual([])
  })
})
