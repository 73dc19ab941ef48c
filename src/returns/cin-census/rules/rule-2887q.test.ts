import { describe, expect, it } from 'vitest'
import { rule2887Q } from './rule-2887q.ts'
import { child, run, tables, where } from './test-tables.ts'

describe('rule 2887Q: fewer than 8 disability codes', () => {
  it('fires for the return when fewer than 8 codes other than NONE are used', () => {
    expect(where(run(rule2887Q, tables([child()])))).toEqual(['return'])
  })
  it('is quiet with 8 codes', () => {
    const codes = ['MOB', 'HAND', 'PC', 'INC', 'COMM', 'LD', 'HEAR', 'VIS']
    expect(run(rule2887Q, tables([child({ disabilities: codes })]))).toEqual([])
  })
})
