import { describe, expect, it } from 'vitest'
import { rule8696 } from './rule-8696.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8696: assessment end in the census year', () => {
  const assessment = (auth: string) => ({
    CINreferralDate: '2024-01-02',
    assessments: [{ AssessmentActualStartDate: '2024-01-03', AssessmentAuthorisationDate: auth }],
  })
  it('flags an authorisation before the census year', () => {
    expect(where(run(rule8696, tables([childWith(assessment('2024-03-31'))])))).toEqual([
      'Assessments:0:AssessmentAuthorisationDate',
    ])
  })
  it('accepts one inside it', () => {
    expect(run(rule8696, tables([childWith(assessment('2024-04-01'))]))).toEqual([])
  })
})
