import { describe, expect, it } from 'vitest'
import { rule196 } from './rule-196.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 196: reason for no SDQ', () => {
  it('flags SDQ6', () => {
    expect(where(run(rule196, tables({ OC2: [{ SDQ_REASON: 'SDQ6' }] })))).toEqual(['OC2:0:SDQ_REASON'])
  })
  it('accepts SDQ1', () => {
    expect(run(rule196, tables({ OC2: [{ SDQ_REASON: 'SDQ1' }] }))).toEqual([])
  })
})
