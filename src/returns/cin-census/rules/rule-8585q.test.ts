import { describe, expect, it } from 'vitest'
import { rule8585Q } from './rule-8585q.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8585Q: closed as died with no date of death', () => {
  const died = { CINclosureDate: '2024-08-01', ReasonForClosure: 'RC2' }
  it('queries RC2 without a date of death', () => {
    expect(where(run(rule8585Q, tables([childWith(died)])))).toEqual([
      'CINdetails:0:ReasonForClosure | ChildIdentifiers:0:PersonDeathDate',
    ])
  })
  it('accepts RC2 with a date of death', () => {
    expect(run(rule8585Q, tables([childWith(died, { PersonDeathDate: '2024-08-01' })]))).toEqual([])
  })
})
