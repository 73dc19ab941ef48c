import { describe, expect, it } from 'vitest'
import { rule334 } from './rule-334.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 334: should-be-placed decision during the latest period of care', () => {
  it('flags a decision before care began', () => {
    expect(where(run(rule334, tables({ Episodes: [{}], AD1: [{ DATE_INT: '2025-04-20' }] })))).toEqual([
      'AD1:0:DATE_INT | Episodes:0:DECOM+RNE',
    ])
  })
  it('accepts one after', () => {
    expect(run(rule334, tables({ Episodes: [{}], AD1: [{ DATE_INT: '2025-05-01' }] }))).toEqual([])
  })
})
