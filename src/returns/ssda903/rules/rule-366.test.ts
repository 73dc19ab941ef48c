import { describe, expect, it } from 'vitest'
import { rule366 } from './rule-366.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 366: each short-term break starts care', () => {
  it('flags a V3 episode that changes placement', () => {
    expect(where(run(rule366, tables({ Episodes: [{ LS: 'V3', RNE: 'P' }] })))).toEqual(['Episodes:0:RNE'])
  })
  it('accepts V3 starting care, and V4 changing placement', () => {
    expect(run(rule366, tables({ Episodes: [{ LS: 'V3' }, { CHILD: '2', LS: 'V4', RNE: 'P' }] }))).toEqual([])
  })
})
