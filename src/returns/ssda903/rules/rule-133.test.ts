import { describe, expect, it } from 'vitest'
import { rule133 } from './rule-133.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 133: accommodation code', () => {
  it('flags S1 and a blank', () => {
    expect(where(run(rule133, tables({ OC3: [{ ACCOM: 'S1' }, { CHILD: '2' }] })))).toEqual([
      'OC3:0:ACCOM',
      'OC3:1:ACCOM',
    ])
  })
  it('accepts B1', () => {
    expect(run(rule133, tables({ OC3: [{ ACCOM: 'B1' }] }))).toEqual([])
  })
})
