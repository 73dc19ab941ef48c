import { byChild, defineRule } from './helpers.ts'

// Return-level: fires when children have disabilities recorded but none has more than one.
export const rule2888Q = defineRule(
  {
    code: '2888Q',
    type: 'query',
    table: 'Disabilities',
    affectedFields: ['Disability'],
    message:
      'Please check and either amend or provide a reason: Only one disability code is recorded per child and multiple disabilities should be recorded where possible.',
  },
  (t, _ctx, report) => {
    const perChild = byChild(t.Disabilities, (r) => r.Disability !== null && r.Disability !== 'NONE')
    if (perChild.size === 0) return
    for (const rows of perChild.values()) if (rows.length > 1) return
    report.returnLevel()
  },
)
