import { describe, expect, it } from 'vitest'
import { rule149 } from './rule-149.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 149: reason episode ceased code', () => {
  it('flags REC E1', () => {
    expect(where(run(rule149, tables({ Episodes: [{ DEC: '2025-06-01', REC: 'E1' }] })))).toEqual([
      'Episodes:0:REC',
    ])
  })
  it('accepts E4A and a blank REC on an open episode', () => {
    expect(run(rule149, tables({ Episodes: [{ DEC: '2025-06-01', REC: 'E4A' }, { CHILD: '2' }] }))).toEqual(
      [],
    )
  })
})
