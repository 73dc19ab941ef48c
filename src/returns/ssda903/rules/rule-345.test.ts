import { describe, expect, it } from 'vitest'
import { rule345 } from './rule-345.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 345: in touch: activity and accommodation known', () => {
  it('flags in touch with accommodation 0', () => {
    expect(where(run(rule345, tables({ OC3: [{ IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: '0' }] })))).toEqual([
      'OC3:0:IN_TOUCH+ACTIV+ACCOM',
    ])
  })
  it('accepts in touch with both known', () => {
    expect(run(rule345, tables({ OC3: [{ IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'B1' }] }))).toEqual([])
  })
})
