import { describe, expect, it } from 'vitest'
import { rule215 } from './rule-215.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 215: no OC2 items for a care leaver', () => {
  it('flags OC2 items beside OC3 items', () => {
    expect(
      where(
        run(rule215, tables({ OC3: [{ IN_TOUCH: 'YES' }], OC2: [{ IMMUNISATIONS: '1', TEETH_CHECK: '1' }] })),
      ),
    ).toEqual(['OC3:0:IN_TOUCH+ACTIV+ACCOM | OC2:0:IMMUNISATIONS'])
  })
  it('accepts an OC2 row with only an SDQ score', () => {
    expect(run(rule215, tables({ OC3: [{ IN_TOUCH: 'YES' }], OC2: [{ SDQ_SCORE: '10' }] }))).toEqual([])
  })
})
