import { describe, expect, it } from 'vitest'
import { rule2991Q } from './rule-2991q.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 2991Q: S47 with no assessment', () => {
  it('queries a Section47 in an episode with no assessment', () => {
    const t = tables([childWith({ section47: [{ S47ActualStartDate: '2024-06-10' }] })])
    expect(where(run(rule2991Q, t))).toEqual(['Section47:0:LAchildID'])
  })
  it('is quiet when the episode has an assessment', () => {
    const t = tables([
      childWith({
        section47: [{ S47ActualStartDate: '2024-06-10' }],
        assessments: [{ AssessmentActualStartDate: '2024-06-04' }],
      }),
    ])
    expect(run(rule2991Q, t)).toEqual([])
  })
})
