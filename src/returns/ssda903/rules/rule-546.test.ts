import { describe, expect, it } from 'vitest'
import { rule546 } from './rule-546.ts'
import { run, tables, where } from './test-tables.ts'

const allYear = { DECOM: '2024-01-01' }

describe('rule 546: health promotion only under 5', () => {
  it('flags it for a child 5 on 31 March', () => {
    expect(
      where(run(rule546, tables({ Episodes: [allYear], OC2: [{ DOB: '2021-03-31', HEALTH_CHECK: '1' }] }))),
    ).toEqual(['OC2:0:HEALTH_CHECK+DOB'])
  })
  it('accepts it for a child 5 the next day', () => {
    expect(
      run(rule546, tables({ Episodes: [allYear], OC2: [{ DOB: '2021-04-01', HEALTH_CHECK: '1' }] })),
    ).toEqual([])
  })
})
