import { describe, expect, it } from 'vitest'
import { rule602 } from './rule-602.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 602: AD1 only for children adopted in the year', () => {
  it('flags AD1 for a child still in care', () => {
    expect(where(run(rule602, tables({ Episodes: [{}], AD1: [{ DATE_INT: '2025-05-01' }] })))).toEqual([
      'AD1:0:CHILD',
    ])
  })
  it('accepts AD1 for a child adopted in the year', () => {
    expect(
      run(
        rule602,
        tables({
          Episodes: [{ LS: 'E1', PLACE: 'A6', DEC: '2026-01-10', REC: 'E11' }],
          AD1: [{ DATE_INT: '2025-05-01' }],
        }),
      ),
    ).toEqual([])
  })
})
