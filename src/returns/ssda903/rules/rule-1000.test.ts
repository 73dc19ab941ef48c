import { describe, expect, it } from 'vitest'
import { rule1000 } from './rule-1000.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 1000: no care leaver items after dying in care', () => {
  it('flags OC3 for a child who died in care', () => {
    expect(
      where(
        run(rule1000, tables({ Episodes: [{ DEC: '2025-07-01', REC: 'E2' }], OC3: [{ IN_TOUCH: 'DIED' }] })),
      ),
    ).toEqual(['OC3:0:IN_TOUCH+ACTIV+ACCOM'])
  })
  it('accepts OC3 for one who returned home', () => {
    expect(
      run(rule1000, tables({ Episodes: [{ DEC: '2025-07-01', REC: 'E4A' }], OC3: [{ IN_TOUCH: 'YES' }] })),
    ).toEqual([])
  })
})
