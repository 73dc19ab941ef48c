import { describe, expect, it } from 'vitest'
import { rule8870Q } from './rule-8870q.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8870Q: conference target on a weekend', () => {
  it('queries a Saturday target', () => {
    const t = tables([
      childWith({ section47: [{ S47ActualStartDate: '2024-06-10', InitialCPCtarget: '2024-07-06' }] }),
    ])
    expect(where(run(rule8870Q, t))).toEqual(['Section47:0:InitialCPCtarget'])
  })
  it('accepts a Friday target', () => {
    const t = tables([
      childWith({ section47: [{ S47ActualStartDate: '2024-06-10', InitialCPCtarget: '2024-07-05' }] }),
    ])
    expect(run(rule8870Q, t)).toEqual([])
  })
})
