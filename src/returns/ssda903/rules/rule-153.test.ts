import { describe, expect, it } from 'vitest'
import { rule153 } from './rule-153.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 153: care leaver items all or none', () => {
  it('flags in touch with no activity or accommodation', () => {
    expect(where(run(rule153, tables({ OC3: [{ IN_TOUCH: 'YES' }] })))).toEqual([
      'OC3:0:IN_TOUCH+ACTIV+ACCOM',
    ])
  })
  it('accepts all three', () => {
    expect(run(rule153, tables({ OC3: [{ IN_TOUCH: 'NO', ACTIV: '0', ACCOM: '0' }] }))).toEqual([])
  })
})
