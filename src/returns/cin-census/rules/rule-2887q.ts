import { defineRule } from './helpers.ts'

// Return-level: distinct disability codes other than NONE. (The validator's version counts the NONE
// rows instead, a slip that makes it fire on almost every return; this follows the rule text.)
export const rule2887Q = defineRule(
  {
    code: '2887Q',
    type: 'query',
    table: 'Disabilities',
    affectedFields: ['Disability'],
    message:
      'Please check and either amend or provide a reason: Less than 8 disability codes have been used in your return',
  },
  (t, _ctx, report) => {
    const codes = new Set<string>()
    for (const r of t.Disabilities)
      if (r.Disability !== null && r.Disability !== 'NONE') codes.add(r.Disability)
    if (codes.size <= 7) report.returnLevel()
  },
)
