import { describe, expect, it } from 'vitest'
import { rule2990 } from './rule-2990.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 2990: activity after RC8/RC9', () => {
  const closed = { CINclosureDate: '2024-08-01', ReasonForClosure: 'RC8' }
  it('flags a conference or a module on an episode closed after assessment', () => {
    const t = tables([
      childWith({ ...closed, DateOfInitialCPC: '2024-07-01' }),
      childWith({ ...closed, section47: [{ S47ActualStartDate: '2024-06-10' }] }, { LAchildID: 'C2' }),
    ])
    expect(where(run(rule2990, t))).toEqual([
      'CINdetails:0:DateOfInitialCPC',
      'CINdetails:1:DateOfInitialCPC | Section47:0:LAchildID',
    ])
  })
  it('accepts an assessment only, and activity on other closures', () => {
    const t = tables([
      childWith({ ...closed, assessments: [{ AssessmentActualStartDate: '2024-06-04' }] }),
      childWith(
        { ...closed, ReasonForClosure: 'RC1', section47: [{ S47ActualStartDate: '2024-06-10' }] },
        { LAchildID: 'C2' },
      ),
    ])
    expect(run(rule2990, t)).toEqual([])
  })
})
