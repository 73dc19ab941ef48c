import { describe, expect, it } from 'vitest'
import { rule385 } from './rule-385.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 385: episode ends after the year', () => {
  it('flags an episode ending after 31 March', () => {
    expect(where(run(rule385, tables({ Episodes: [{ DEC: '2026-04-02', REC: 'E11' }] })))).toEqual([
      'Episodes:0:DEC',
    ])
  })
  it('accepts one ending on 31 March', () => {
    expect(run(rule385, tables({ Episodes: [{ DEC: '2026-03-31', REC: 'E11' }] }))).toEqual([])
  })
})
