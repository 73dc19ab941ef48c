import { describe, expect, it } from 'vitest'
import { rule1011 } from './rule-1011.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 1011: no care leaver items after a transfer to another authority', () => {
  it('flags OC3 items when the last episode is E3', () => {
    expect(
      where(
        run(rule1011, tables({ Episodes: [{ DEC: '2025-07-01', REC: 'E3' }], OC3: [{ IN_TOUCH: 'YES' }] })),
      ),
    ).toEqual(['OC3:0:IN_TOUCH+ACTIV+ACCOM | Episodes:0:REC'])
  })
  it('accepts them when a later period ended otherwise', () => {
    expect(
      run(
        rule1011,
        tables({
          Episodes: [
            { DEC: '2025-07-01', REC: 'E3' },
            { DECOM: '2025-09-01', DEC: '2025-12-01', REC: 'E4A' },
          ],
          OC3: [{ IN_TOUCH: 'YES' }],
        }),
      ),
    ).toEqual([])
  })
})
