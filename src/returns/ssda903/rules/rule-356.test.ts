import { describe, expect, it } from 'vitest'
import { rule356 } from './rule-356.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 356: episode ends before it starts', () => {
  it('flags DEC before DECOM', () => {
    expect(where(run(rule356, tables({ Episodes: [{ DEC: '2025-04-30', REC: 'E13' }] })))).toEqual([
      'Episodes:0:DECOM+DEC',
    ])
  })
  it('accepts DEC after DECOM', () => {
    expect(run(rule356, tables({ Episodes: [{ DEC: '2025-05-30', REC: 'E13' }] }))).toEqual([])
  })
})
