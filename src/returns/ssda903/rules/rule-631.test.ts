import { describe, expect, it } from 'vitest'
import { rule631 } from './rule-631.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 631: previous permanence code', () => {
  it('flags P5', () => {
    expect(where(run(rule631, tables({ PrevPerm: [{ PREV_PERM: 'P5' }] })))).toEqual(['PrevPerm:0:PREV_PERM'])
  })
  it('accepts Z1', () => {
    expect(run(rule631, tables({ PrevPerm: [{ PREV_PERM: 'Z1' }] }))).toEqual([])
  })
})
