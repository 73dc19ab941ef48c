import { describe, expect, it } from 'vitest'
import { rule344 } from './rule-344.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 344: died or returned home: no activity or accommodation', () => {
  it('flags an activity for a young person who returned home', () => {
    expect(where(run(rule344, tables({ OC3: [{ IN_TOUCH: 'RHOM', ACTIV: 'F2', ACCOM: '0' }] })))).toEqual([
      'OC3:0:IN_TOUCH+ACTIV+ACCOM',
    ])
  })
  it('accepts 0 and 0', () => {
    expect(run(rule344, tables({ OC3: [{ IN_TOUCH: 'DIED', ACTIV: '0', ACCOM: '0' }] }))).toEqual([])
  })
})
