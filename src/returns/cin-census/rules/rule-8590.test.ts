import { describe, expect, it } from 'vitest'
import { rule8590 } from './rule-8590.ts'
import { child, run, tables, where } from './test-tables.ts'

describe('rule 8590: no CIN episode', () => {
  it('flags a child with no CINdetails', () => {
    expect(where(run(rule8590, tables([child({ cinDetails: [] })])))).toEqual([
      'ChildIdentifiers:0:LAchildID',
    ])
  })
  it('accepts a child with an episode', () => {
    expect(run(rule8590, tables([child()]))).toEqual([])
  })
})
