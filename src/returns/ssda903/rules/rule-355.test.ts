import { describe, expect, it } from 'vitest'
import { rule355 } from './rule-355.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 355: episode of less than a day', () => {
  it('queries an episode that ends the day it starts', () => {
    expect(where(run(rule355, tables({ Episodes: [{ DEC: '2025-05-01', REC: 'E13' }] })))).toEqual([
      'Episodes:0:DECOM+DEC',
    ])
  })
  it('says nothing for an episode of a day or more', () => {
    expect(run(rule355, tables({ Episodes: [{ DEC: '2025-05-02', REC: 'E13' }] }))).toEqual([])
  })
})
