import { describe, expect, it } from 'vitest'
import { rule582 } from './rule-582.ts'
import { run, tables, where } from './test-tables.ts'

const adopted = { LS: 'E1', PLACE: 'A6', DEC: '2025-12-01', REC: 'E12' }

describe('rule 582: matched before the adoption', () => {
  it('queries a match on the day of adoption', () => {
    const issues = run(rule582, tables({ Episodes: [adopted], AD1: [{ DATE_MATCH: '2025-12-01' }] }))
    expect(where(issues)).toEqual(['Episodes:0:DEC | AD1:0:DATE_MATCH'])
    expect(issues[0]?.type).toBe('query')
  })
  it('accepts an earlier match', () => {
    expect(run(rule582, tables({ Episodes: [adopted], AD1: [{ DATE_MATCH: '2025-06-01' }] }))).toEqual([])
  })
})
