import { describe, expect, it } from 'vitest'
import { rule8545Q } from './rule-8545q.ts'
import { child, run, tables, where } from './test-tables.ts'

describe('rule 8545Q: death in the census year', () => {
  it('queries a death before the census year', () => {
    expect(where(run(rule8545Q, tables([child({ PersonDeathDate: '2024-03-31' })])))).toEqual([
      'ChildIdentifiers:0:PersonDeathDate',
    ])
  })
  it('accepts a death within it', () => {
    expect(run(rule8545Q, tables([child({ PersonDeathDate: '2024-04-01' })]))).toEqual([])
  })
})
