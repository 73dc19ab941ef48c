import { at, byCin, defineRule, reportGroup } from './helpers.ts'

// The open assessments are flagged (the validator flags every assessment of the episode).
export const rule8896 = defineRule(
  {
    code: '8896',
    type: 'error',
    table: 'Assessments',
    affectedFields: ['AssessmentAuthorisationDate'],
    message: 'Within one CINDetails group there are 2 or more open Assessments groups',
  },
  (t, _ctx, report) => {
    const open = byCin(t.Assessments, (a) => a.AssessmentAuthorisationDate === null)
    for (const rows of open.values()) {
      if (rows.length > 1)
        reportGroup(
          report,
          rows.map((i) => at('Assessments', i, 'AssessmentAuthorisationDate')),
        )
    }
  },
)
