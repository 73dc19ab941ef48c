import { describe, expect, it } from 'vitest'
import { rule304 } from './rule-304.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 304: UASC status after 18', () => {
  it('flags UASC status ceasing after the 18th birthday', () => {
    expect(where(run(rule304, tables({ UASC: [{ DOB: '2009-05-01', DUC: '2027-05-02' }] })))).toEqual([
      'UASC:0:DUC',
    ])
  })
  it('accepts status ceasing on the 18th birthday', () => {
    expect(run(rule304, tables({ UASC: [{ DOB: '2009-05-01', DUC: '2027-05-01' }] }))).toEqual([])
  })
})
