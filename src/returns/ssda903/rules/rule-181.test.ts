import { describe, expect, it } from 'vitest'
import { rule181 } from './rule-181.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 181: 12-month items are 0 or 1', () => {
  it('flags a 2', () => {
    expect(where(run(rule181, tables({ OC2: [{ TEETH_CHECK: '2' }] })))).toEqual([
      'OC2:0:CONVICTED+HEALTH_CHECK+IMMUNISATIONS+TEETH_CHECK+HEALTH_ASSESSMENT+SUBSTANCE_MISUSE+INTERVENTION_RECEIVED+INTERVENTION_OFFERED',
    ])
  })
  it('accepts 0, 1 and blanks', () => {
    expect(run(rule181, tables({ OC2: [{ TEETH_CHECK: '1', IMMUNISATIONS: '0' }] }))).toEqual([])
  })
})
