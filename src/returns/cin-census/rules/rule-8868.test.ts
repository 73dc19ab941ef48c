import { describe, expect, it } from 'vitest'
import { rule8868 } from './rule-8868.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8868: closed episode with unfinished S47', () => {
  const closed = (s47: object) => ({
    CINclosureDate: '2024-09-01',
    ReasonForClosure: 'RC1',
    section47: [s47],
  })
  it('flags an enquiry with neither a conference nor "not required"', () => {
    const t = tables([childWith(closed({ S47ActualStartDate: '2024-06-10', ICPCnotRequired: 'false' }))])
    expect(where(run(rule8868, t))).toEqual([
      'CINdetails:0:CINclosureDate | Section47:0:DateOfInitialCPC+ICPCnotRequired',
    ])
  })
  it('accepts a conference, or "not required"', () => {
    const t = tables([
      childWith(
        closed({
          S47ActualStartDate: '2024-06-10',
          DateOfInitialCPC: '2024-06-20',
          ICPCnotRequired: 'false',
        }),
      ),
      childWith(closed({ S47ActualStartDate: '2024-06-10', ICPCnotRequired: 'true' }), { LAchildID: 'C2' }),
    ])
    expect(run(rule8868, t)).toEqual([])
  })
})
