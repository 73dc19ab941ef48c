import { describe, expect, it } from 'vitest'
import { rule8897Q } from './rule-8897q.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8897Q: completed assessment without factors', () => {
  const assessed = (factors: string[] | null, auth = '2024-07-01') => ({
    CINreferralDate: '2024-01-02',
    assessments: [{ AssessmentActualStartDate: '2024-01-04', AssessmentAuthorisationDate: auth, factors }],
  })
  it('queries a completed assessment with no factors or an invalid factor', () => {
    const t = tables([childWith(assessed(null)), childWith(assessed(['99']), { LAchildID: 'C2' })])
    expect(where(run(rule8897Q, t))).toEqual([
      'Assessments:0:AssessmentAuthorisationDate+AssessmentFactors',
      'Assessments:1:AssessmentAuthorisationDate+AssessmentFactors',
    ])
  })
  it('accepts valid factors, and assessments completed before the census year', () => {
    const t = tables([
      childWith(assessed(['1A', '21'])),
      childWith(assessed(null, '2024-03-01'), { LAchildID: 'C2' }),
    ])
    expect(run(rule8897Q, t)).toEqual([])
  })
})
