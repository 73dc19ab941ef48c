import { describe, expect, it } from 'vitest'
import { rule193 } from './rule-193.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 193: no substance misuse: no intervention items', () => {
  it('flags an intervention without a problem', () => {
    expect(
      where(run(rule193, tables({ OC2: [{ SUBSTANCE_MISUSE: '0', INTERVENTION_OFFERED: '0' }] }))),
    ).toEqual(['OC2:0:INTERVENTION_OFFERED+INTERVENTION_RECEIVED+SUBSTANCE_MISUSE'])
  })
  it('accepts no problem and no intervention items', () => {
    expect(run(rule193, tables({ OC2: [{ SUBSTANCE_MISUSE: '0' }] }))).toEqual([])
  })
})
