import { describe, expect, it } from 'vitest'
import { rule190 } from './rule-190.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 190: 12-month items for a child not looked after 12 months', () => {
  it('flags items for a child who came into care in the year', () => {
    expect(where(run(rule190, tables({ Episodes: [{}], OC2: [{ TEETH_CHECK: '1' }] })))).toEqual([
      'OC2:0:CONVICTED+HEALTH_ASSESSMENT+HEALTH_CHECK+IMMUNISATIONS+INTERVENTION_OFFERED+INTERVENTION_RECEIVED+SUBSTANCE_MISUSE+TEETH_CHECK',
    ])
  })
  it('accepts items for a child in care all year', () => {
    expect(
      run(rule190, tables({ Episodes: [{ DECOM: '2023-01-01' }], OC2: [{ TEETH_CHECK: '1' }] })),
    ).toEqual([])
  })
})
