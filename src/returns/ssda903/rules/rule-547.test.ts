import { describe, expect, it } from 'vitest'
import { rule547 } from './rule-547.ts'
import { run, tables, where } from './test-tables.ts'

const complete = { IMMUNISATIONS: '1', TEETH_CHECK: '1', HEALTH_ASSESSMENT: '1', SUBSTANCE_MISUSE: '0' }

describe('rule 547: health promotion with the health items completed', () => {
  it('flags health promotion with immunisations blank', () => {
    expect(
      where(run(rule547, tables({ OC2: [{ ...complete, IMMUNISATIONS: null, HEALTH_CHECK: '1' }] }))),
    ).toEqual(['OC2:0:HEALTH_CHECK+IMMUNISATIONS+TEETH_CHECK+HEALTH_ASSESSMENT+SUBSTANCE_MISUSE'])
  })
  it('accepts it with all four', () => {
    expect(run(rule547, tables({ OC2: [{ ...complete, HEALTH_CHECK: '1' }] }))).toEqual([])
  })
})
