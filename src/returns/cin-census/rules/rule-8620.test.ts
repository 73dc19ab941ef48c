import { describe, expect, it } from 'vitest'
import { rule8620 } from './rule-8620.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8620: closure date in the census year', () => {
  it('flags a closure after the reference date', () => {
    const t = tables([childWith({ CINclosureDate: '2025-04-01', ReasonForClosure: 'RC1' })])
    expect(where(run(rule8620, t))).toEqual(['CINdetails:0:CINclosureDate'])
  })
  it('accepts a closure on the reference date', () => {
    expect(
      run(rule8620, tables([childWith({ CINclosureDate: '2025-03-31', ReasonForClosure: 'RC1' })])),
    ).toEqual([])
  })
})
