import { describe, expect, it } from 'vitest'
import { rule191 } from './rule-191.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 191: 12-month items completed', () => {
  it('flags a blank item, and a child with no OC2 row', () => {
    expect(
      where(
        run(
          rule191,
          tables({
            Episodes: [{ DECOM: '2023-01-01' }, { CHILD: '2', DECOM: '2023-01-01' }],
            OC2: [{ IMMUNISATIONS: '1', TEETH_CHECK: '1', HEALTH_ASSESSMENT: '1' }],
          }),
        ),
      ),
    ).toEqual(['OC2:0:IMMUNISATIONS+TEETH_CHECK+HEALTH_ASSESSMENT+SUBSTANCE_MISUSE', 'Episodes:1:CHILD'])
  })
  it('accepts all four items', () => {
    expect(
      run(
        rule191,
        tables({
          Episodes: [{ DECOM: '2023-01-01' }],
          OC2: [{ IMMUNISATIONS: '1', TEETH_CHECK: '0', HEALTH_ASSESSMENT: '1', SUBSTANCE_MISUSE: '0' }],
        }),
      ),
    ).toEqual([])
  })
})
