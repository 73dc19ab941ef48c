import { describe, expect, it } from 'vitest'
import { rule8640 } from './rule-8640.ts'
import { child, childWith, episode, run, tables, where } from './test-tables.ts'

describe('rule 8640: reason for closure code', () => {
  it('flags an unknown code', () => {
    const t = tables([childWith({ CINclosureDate: '2024-09-01', ReasonForClosure: 'RC10' })])
    expect(where(run(rule8640, t))).toEqual(['CINdetails:0:ReasonForClosure'])
  })
  it('accepts a valid or missing code', () => {
    const t = tables([child({ cinDetails: [episode({ ReasonForClosure: 'RC9' }), episode()] })])
    expect(run(rule8640, t)).toEqual([])
  })
})
