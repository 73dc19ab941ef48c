import { assessmentKey, defineRule, indexBy, rowAt, rowRule } from './helpers.ts'

export const rule8898 = defineRule(
  {
    code: '8898',
    type: 'error',
    table: 'Assessments',
    affectedFields: ['AssessmentFactors'],
    message: 'The assessment has more than one parental or child factors with the same code',
  },
  (t, ctx, report) => {
    const factors = indexBy(t.AssessmentFactorsList, assessmentKey, (f) => f.AssessmentFactor !== null)
    rowRule('Assessments', ['AssessmentFactors'], (a) => {
      const codes = (factors.get(assessmentKey(a)) ?? []).map(
        (f) => rowAt(t.AssessmentFactorsList, f).AssessmentFactor,
      )
      return new Set(codes).size < codes.length
    })(t, ctx, report)
  },
)
