import { describe, expect, it } from 'vitest'
import { rule542 } from './rule-542.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 542: no conviction item under 10', () => {
  it('flags one for a child 10 on 1 April next year', () => {
    expect(where(run(rule542, tables({ OC2: [{ DOB: '2016-04-01', CONVICTED: '0' }] })))).toEqual([
      'OC2:0:CONVICTED',
    ])
  })
  it('accepts one for a child 10 on 31 March', () => {
    expect(run(rule542, tables({ OC2: [{ DOB: '2016-03-31', CONVICTED: '0' }] }))).toEqual([])
  })
})
