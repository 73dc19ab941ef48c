import { describe, expect, it } from 'vitest'
import { rule8650 } from './rule-8650.ts'
import { child, childWith, episode, run, tables, where } from './test-tables.ts'

describe('rule 8650: primary need code', () => {
  it('flags an unknown code', () => {
    expect(where(run(rule8650, tables([childWith({ PrimaryNeedCode: 'N10' })])))).toEqual([
      'CINdetails:0:PrimaryNeedCode',
    ])
  })
  it('accepts a valid or missing code', () => {
    const t = tables([
      child({ cinDetails: [episode({ PrimaryNeedCode: 'N0' }), episode({ PrimaryNeedCode: null })] }),
    ])
    expect(run(rule8650, t)).toEqual([])
  })
})
