import { ASSESSMENT_FACTORS } from './code-lists.ts'
import { assessmentKey, defineRule, indexBy, rowAt, rowRule } from './helpers.ts'

// An assessment authorised in the census year needs at least one factor, all valid codes. Factors
// are matched to their own assessment (the validator matches on AssessmentID alone, so factors of a
// same-numbered assessment in another episode can leak in).
export const rule8897Q = defineRule(
  {
    code: '8897Q',
    type: 'query',
    table: 'Assessments',
    affectedFields: ['AssessmentAuthorisationDate', 'AssessmentFactors'],
    message: 'Parental or child factors at assessment information is missing from a completed assessment',
  },
  (t, ctx, report) => {
    const factors = indexBy(t.AssessmentFactorsList, assessmentKey)
    rowRule('Assessments', ['AssessmentAuthorisationDate', 'AssessmentFactors'], (a) => {
      const auth = a.AssessmentAuthorisationDate
      if (auth === null || auth < ctx.collectionStart) return false
      const codes = (factors.get(assessmentKey(a)) ?? []).map(
        (f) => rowAt(t.AssessmentFactorsList, f).AssessmentFactor,
      )
      return codes.length === 0 || codes.some((c) => c === null || !ASSESSMENT_FACTORS.has(c))
    })(t, ctx, report)
  },
)
