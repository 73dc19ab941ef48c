import { describe, expect, it } from 'vitest'
import { rule544 } from './rule-544.ts'
import { run, tables, where } from './test-tables.ts'

const complete = { IMMUNISATIONS: '1', TEETH_CHECK: '1', HEALTH_ASSESSMENT: '1', SUBSTANCE_MISUSE: '0' }

describe('rule 544: a conviction with the health items completed', () => {
  it('flags a conviction with substance misuse blank', () => {
    expect(
      where(run(rule544, tables({ OC2: [{ ...complete, SUBSTANCE_MISUSE: null, CONVICTED: '1' }] }))),
    ).toEqual(['OC2:0:CONVICTED+IMMUNISATIONS+TEETH_CHECK+HEALTH_ASSESSMENT+SUBSTANCE_MISUSE'])
  })
  it('accepts a conviction with all four', () => {
    expect(run(rule544, tables({ OC2: [{ ...complete, CONVICTED: '1' }] }))).toEqual([])
  })
})
