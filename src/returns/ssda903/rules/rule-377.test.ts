import { describe, expect, it } from 'vitest'
import { rule377 } from './rule-377.ts'
import { run, tables, where } from './test-tables.ts'

const holiday = (month: string) => ({
  PLACE: 'T3',
  DECOM: `2025-${month}-01`,
  DEC: `2025-${month}-10`,
  REC: 'X1',
})

describe('rule 377: at most two holiday placements a year', () => {
  it('flags the third', () => {
    expect(where(run(rule377, tables({ Episodes: [holiday('05'), holiday('07'), holiday('09')] })))).toEqual([
      'Episodes:0:PLACE',
      'Episodes:1:PLACE',
      'Episodes:2:PLACE',
    ])
  })
  it('accepts two', () => {
    expect(run(rule377, tables({ Episodes: [holiday('05'), holiday('07')] }))).toEqual([])
  })
})
