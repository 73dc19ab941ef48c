import { describe, expect, it } from 'vitest'
import { rule347 } from './rule-347.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 347: no foyer at 17', () => {
  it('flags a foyer at the 17th birthday', () => {
    expect(where(run(rule347, tables({ OC3: [{ DOB: '2008-09-01', ACCOM: 'T1' }] })))).toEqual([
      'OC3:0:ACCOM+DOB',
    ])
  })
  it('accepts one at the 18th', () => {
    expect(run(rule347, tables({ OC3: [{ DOB: '2007-09-01', ACCOM: 'T1' }] }))).toEqual([])
  })
})
