import { describe, expect, it } from 'vitest'
import { rule159 } from './rule-159.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 159: intervention not received: offered completed', () => {
  it('flags offered left blank', () => {
    expect(
      where(run(rule159, tables({ OC2: [{ SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '0' }] }))),
    ).toEqual(['OC2:0:INTERVENTION_OFFERED+INTERVENTION_RECEIVED+SUBSTANCE_MISUSE'])
  })
  it('accepts offered 1, not received', () => {
    expect(
      run(
        rule159,
        tables({ OC2: [{ SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '0', INTERVENTION_OFFERED: '1' }] }),
      ),
    ).toEqual([])
  })
})
