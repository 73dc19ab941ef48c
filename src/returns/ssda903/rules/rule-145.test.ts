import { describe, expect, it } from 'vitest'
import { rule145 } from './rule-145.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 145: category of need code', () => {
  it('flags CIN N9', () => {
    expect(where(run(rule145, tables({ Episodes: [{ CIN: 'N9' }] })))).toEqual(['Episodes:0:CIN'])
  })
  it('accepts CIN N8', () => {
    expect(run(rule145, tables({ Episodes: [{ CIN: 'N8' }] }))).toEqual([])
  })
})
