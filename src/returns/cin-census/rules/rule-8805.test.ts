import { describe, expect, it } from 'vitest'
import { rule8805 } from './rule-8805.ts'
import { child, childWith, episode, run, tables, where } from './test-tables.ts'

describe('rule 8805: closure date without reason', () => {
  it('flags a closure date with no reason', () => {
    expect(where(run(rule8805, tables([childWith({ CINclosureDate: '2024-09-01' })])))).toEqual([
      'CINdetails:0:CINclosureDate+ReasonForClosure',
    ])
  })
  it('accepts both or neither', () => {
    const t = tables([
      child({ cinDetails: [episode({ CINclosureDate: '2024-09-01', ReasonForClosure: 'RC1' }), episode()] }),
    ])
    expect(run(rule8805, t)).toEqual([])
  })
})
