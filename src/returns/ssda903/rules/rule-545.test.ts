import { describe, expect, it } from 'vitest'
import { rule545 } from './rule-545.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 545: health promotion for a child under 5', () => {
  it('flags a 3-year-old with no health check item', () => {
    expect(
      where(run(rule545, tables({ Episodes: [{ DECOM: '2023-01-01' }], OC2: [{ DOB: '2022-06-01' }] }))),
    ).toEqual(['OC2:0:DOB+HEALTH_CHECK'])
  })
  it('accepts 1', () => {
    expect(
      run(
        rule545,
        tables({ Episodes: [{ DECOM: '2023-01-01' }], OC2: [{ DOB: '2022-06-01', HEALTH_CHECK: '1' }] }),
      ),
    ).toEqual([])
  })
})
