import { describe, expect, it } from 'vitest'
import { rule2884 } from './rule-2884.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 2884: conference recorded twice', () => {
  it('flags the same conference date at both levels', () => {
    const t = tables([
      childWith({ DateOfInitialCPC: '2024-07-01', section47: [{ DateOfInitialCPC: '2024-07-01' }] }),
    ])
    expect(where(run(rule2884, t))).toEqual(['Section47:0:DateOfInitialCPC | CINdetails:0:DateOfInitialCPC'])
  })
  it('accepts different dates', () => {
    const t = tables([
      childWith({ DateOfInitialCPC: '2024-07-02', section47: [{ DateOfInitialCPC: '2024-07-01' }] }),
    ])
    expect(run(rule2884, t)).toEqual([])
  })
})
