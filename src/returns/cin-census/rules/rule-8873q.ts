import { at, byCin, defineRule, rowAt, rowsOf } from './helpers.ts'

// The only assessment of an episode found no factors (21) but the episode is not closed as RC8/RC9.
// (The validator also treats factor 2B as "no factors", a slip not copied here.)
export const rule8873Q = defineRule(
  {
    code: '8873Q',
    type: 'query',
    table: 'Assessments',
    affectedFields: ['ReasonForClosure', 'AssessmentFactors'],
    message:
      "Please check and either amend data or provide a reason: When there is only one assessment on the episode and the factors code “21 No factors identified” has been used for the completed assessment, the reason for closure ‘RC8’ or 'RC9' should be used.",
  },
  (t, _ctx, report) => {
    const assessments = byCin(t.Assessments)
    const episodes = byCin(t.CINdetails)
    for (const [key, rows] of assessments) {
      const [only] = rows
      if (rows.length !== 1 || only === undefined) continue
      if (!(rowAt(t.Assessments, only).AssessmentFactors ?? []).includes('21')) continue
      for (const c of rowsOf(episodes, key)) {
        const reason = rowAt(t.CINdetails, c).ReasonForClosure
        if (reason !== 'RC8' && reason !== 'RC9')
          report(at('Assessments', only, 'AssessmentFactors'), at('CINdetails', c, 'ReasonForClosure'))
      }
    }
  },
)
