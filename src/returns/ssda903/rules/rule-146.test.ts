import { describe, expect, it } from 'vitest'
import { rule146 } from './rule-146.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 146: placement type code', () => {
  it('flags Z1 from 2025-26', () => {
    expect(where(run(rule146, tables({ Episodes: [{ PLACE: 'Z1' }] })))).toEqual(['Episodes:0:PLACE'])
  })
  it('flags K3 in 2024-25', () => {
    expect(where(run(rule146, tables({ Episodes: [{ PLACE: 'K3' }] }), '2024-25'))).toEqual([
      'Episodes:0:PLACE',
    ])
  })
  it('flags a blank placement type', () => {
    expect(where(run(rule146, tables({ Episodes: [{ PLACE: null }] })))).toEqual(['Episodes:0:PLACE'])
  })
  it('accepts K3 and Z11 in 2025-26', () => {
    expect(run(rule146, tables({ Episodes: [{ PLACE: 'K3' }, { CHILD: '2', PLACE: 'Z11' }] }))).toEqual([])
  })
  it('accepts H5 in 2024-25', () => {
    expect(run(rule146, tables({ Episodes: [{ PLACE: 'H5' }] }), '2024-25')).toEqual([])
  })
})
