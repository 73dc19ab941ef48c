import { describe, expect, it } from 'vitest'
import { rule8670Q } from './rule-8670q.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8670Q: long-running assessment', () => {
  // 45 working days back from Monday 31 March 2025, counting that day, is 28 January 2025.
  it('queries an unfinished assessment started before the 45-working-day cut-off', () => {
    const t = tables([childWith({ assessments: [{ AssessmentActualStartDate: '2025-01-27' }] })])
    expect(where(run(rule8670Q, t))).toEqual([
      'Assessments:0:AssessmentAuthorisationDate+AssessmentActualStartDate',
    ])
  })
  it('accepts one started on the cut-off, or a finished one', () => {
    const t = tables([
      childWith({
        assessments: [
          { AssessmentActualStartDate: '2025-01-28' },
          { AssessmentActualStartDate: '2024-06-04', AssessmentAuthorisationDate: '2024-07-01' },
        ],
      }),
    ])
    expect(run(rule8670Q, t)).toEqual([])
  })
})
