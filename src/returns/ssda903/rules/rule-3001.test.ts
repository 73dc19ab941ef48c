import { describe, expect, it } from 'vitest'
import { rule3001 } from './rule-3001.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 3001: not with former foster carers at 17', () => {
  it('flags Z1 at the 17th birthday', () => {
    expect(where(run(rule3001, tables({ OC3: [{ DOB: '2008-09-01', ACCOM: 'Z1' }] })))).toEqual([
      'OC3:0:ACCOM',
    ])
  })
  it('accepts Z1 at the 18th', () => {
    expect(run(rule3001, tables({ OC3: [{ DOB: '2007-09-01', ACCOM: 'Z1' }] }))).toEqual([])
  })
})
