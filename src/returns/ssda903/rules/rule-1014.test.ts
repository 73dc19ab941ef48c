import { describe, expect, it } from 'vitest'
import { rule1014 } from './rule-1014.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 1014: no UASC row for a care leaver not looked after in the year', () => {
  it('flags UASC beside OC3 items with no episode in the year', () => {
    expect(
      where(
        run(
          rule1014,
          tables({
            Episodes: [{ DECOM: '2023-01-01', DEC: '2025-02-01', REC: 'E5' }],
            UASC: [{ DUC: '2025-02-01' }],
            OC3: [{ IN_TOUCH: 'YES' }],
          }),
        ),
      ),
    ).toEqual(['UASC:0:DUC | OC3:0:IN_TOUCH+ACTIV+ACCOM'])
  })
  it('accepts UASC for a young person looked after in the year', () => {
    expect(
      run(rule1014, tables({ Episodes: [{}], UASC: [{ DUC: '2025-02-01' }], OC3: [{ IN_TOUCH: 'YES' }] })),
    ).toEqual([])
  })
})
