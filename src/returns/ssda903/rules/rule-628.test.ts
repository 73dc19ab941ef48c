import { describe, expect, it } from 'vitest'
import { rule628 } from './rule-628.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 628: no motherhood for a care leaver not looked after in the year', () => {
  it('flags MOTHER for a care leaver with no episodes', () => {
    expect(where(run(rule628, tables({ Header: [{ MOTHER: '0' }], OC3: [{ IN_TOUCH: 'YES' }] })))).toEqual([
      'Header:0:MOTHER | OC3:0:IN_TOUCH',
    ])
  })
  it('accepts it for a girl with episodes', () => {
    expect(
      run(rule628, tables({ Header: [{ MOTHER: '0' }], Episodes: [{}], OC3: [{ IN_TOUCH: 'YES' }] })),
    ).toEqual([])
  })
})
