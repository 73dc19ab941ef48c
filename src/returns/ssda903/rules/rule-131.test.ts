import { describe, expect, it } from 'vitest'
import { rule131 } from './rule-131.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 131: in touch code', () => {
  it('flags MAYBE and a blank', () => {
    expect(where(run(rule131, tables({ OC3: [{ IN_TOUCH: 'MAYBE' }, { CHILD: '2' }] })))).toEqual([
      'OC3:0:IN_TOUCH',
      'OC3:1:IN_TOUCH',
    ])
  })
  it('accepts YES', () => {
    expect(run(rule131, tables({ OC3: [{ IN_TOUCH: 'YES' }] }))).toEqual([])
  })
})
