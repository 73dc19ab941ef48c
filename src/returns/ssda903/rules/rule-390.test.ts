import { describe, expect, it } from 'vitest'
import { rule390 } from './rule-390.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 390: adopted from a placement for adoption', () => {
  it('flags adoption from a foster placement', () => {
    expect(
      where(run(rule390, tables({ Episodes: [{ PLACE: 'U4', DEC: '2025-09-01', REC: 'E11' }] }))),
    ).toEqual(['Episodes:0:REC+PLACE'])
  })
  it('accepts adoption from A6', () => {
    expect(
      run(rule390, tables({ Episodes: [{ PLACE: 'A6', LS: 'E1', DEC: '2025-09-01', REC: 'E12' }] })),
    ).toEqual([])
  })
})
