import { describe, expect, it } from 'vitest'
import { rule8810 } from './rule-8810.ts'
import { child, childWith, episode, run, tables, where } from './test-tables.ts'

describe('rule 8810: reason without closure date', () => {
  it('flags a reason with no closure date', () => {
    expect(where(run(rule8810, tables([childWith({ ReasonForClosure: 'RC1' })])))).toEqual([
      'CINdetails:0:ReasonForClosure+CINclosureDate',
    ])
  })
  it('accepts both or neither', () => {
    const t = tables([
      child({ cinDetails: [episode({ CINclosureDate: '2024-09-01', ReasonForClosure: 'RC1' }), episode()] }),
    ])
    expect(run(rule8810, t)).toEqual([])
  })
})
