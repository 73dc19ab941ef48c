import { describe, expect, it } from 'vitest'
import { rule132 } from './rule-132.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 132: activity code', () => {
  it('flags F3 and a blank', () => {
    expect(where(run(rule132, tables({ OC3: [{ ACTIV: 'F3' }, { CHILD: '2' }] })))).toEqual([
      'OC3:0:ACTIV',
      'OC3:1:ACTIV',
    ])
  })
  it('accepts F2', () => {
    expect(run(rule132, tables({ OC3: [{ ACTIV: 'F2' }] }))).toEqual([])
  })
})
