import { describe, expect, it } from 'vitest'
import { rule1530 } from './rule-1530.ts'
import { child, run, tables, where } from './test-tables.ts'

describe('rule 1530: UPN LA code', () => {
  it('flags an unknown LA code', () => {
    expect(where(run(rule1530, tables([child({ UPN: 'A123456789123' })])))).toEqual([
      'ChildIdentifiers:0:UPN',
    ])
  })
  it('accepts 942 from 2023-24 but not in 2022-23', () => {
    const t = tables([child({ UPN: 'A942000000001' })])
    expect(run(rule1530, t, '2024-25')).toEqual([])
    expect(run(rule1530, t, '2023-24')).toEqual([])
    expect(where(run(rule1530, t, '2022-23'))).toEqual(['ChildIdentifiers:0:UPN'])
  })
})
