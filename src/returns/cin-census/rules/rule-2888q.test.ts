import { describe, expect, it } from 'vitest'
import { rule2888Q } from './rule-2888q.ts'
import { child, run, tables, where } from './test-tables.ts'

describe('rule 2888Q: one disability per child', () => {
  it('fires when no child has more than one disability', () => {
    const t = tables([child({ disabilities: ['MOB'] }), child({ LAchildID: 'C2', disabilities: ['HAND'] })])
    expect(where(run(rule2888Q, t))).toEqual(['return'])
  })
  it('is quiet when a child has two, or when none has any', () => {
    expect(run(rule2888Q, tables([child({ disabilities: ['MOB', 'HAND'] })]))).toEqual([])
    expect(run(rule2888Q, tables([child()]))).toEqual([])
  })
})
