import { describe, expect, it } from 'vitest'
import { rule8842Q } from './rule-8842q.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8842Q: review with no date', () => {
  it('queries a review with no date', () => {
    const t = tables([childWith({ childProtectionPlans: [{ CPPstartDate: '2024-07-01', reviews: [null] }] })])
    expect(where(run(rule8842Q, t))).toEqual(['Reviews:0:CPPreviewDate'])
  })
  it('accepts a dated review', () => {
    const t = tables([
      childWith({ childProtectionPlans: [{ CPPstartDate: '2024-07-01', reviews: ['2024-08-01'] }] }),
    ])
    expect(run(rule8842Q, t)).toEqual([])
  })
})
