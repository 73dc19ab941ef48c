import { describe, expect, it } from 'vitest'
import { rule182 } from './rule-182.ts'
import { run, tables, where } from './test-tables.ts'

const complete = { IMMUNISATIONS: '1', TEETH_CHECK: '1', HEALTH_ASSESSMENT: '1', SUBSTANCE_MISUSE: '0' }

describe('rule 182: the OC2 items asked of every child', () => {
  it('flags a conviction item with the teeth check blank', () => {
    expect(
      where(run(rule182, tables({ OC2: [{ ...complete, TEETH_CHECK: null, CONVICTED: '0' }] }))),
    ).toEqual(['OC2:0:IMMUNISATIONS+TEETH_CHECK+HEALTH_ASSESSMENT+SUBSTANCE_MISUSE'])
  })
  it('accepts all four, and a row with every item blank', () => {
    expect(run(rule182, tables({ OC2: [{ ...complete, CONVICTED: '0' }, { CHILD: '2' }] }))).toEqual([])
  })
})
