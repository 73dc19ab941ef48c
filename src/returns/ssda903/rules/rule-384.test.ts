import { describe, expect, it } from 'vitest'
import { rule384 } from './rule-384.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 384: no long-term fostering on a short break', () => {
  it('flags V3 in U4', () => {
    expect(where(run(rule384, tables({ Episodes: [{ LS: 'V3', PLACE: 'U4' }] })))).toEqual([
      'Episodes:0:LS+PLACE',
    ])
  })
  it('accepts V3 in U6', () => {
    expect(run(rule384, tables({ Episodes: [{ LS: 'V3', PLACE: 'U6' }] }))).toEqual([])
  })
})
