import { defineRule, rowRule } from './helpers.ts'

// The assessment is flagged. (The validator's version was written for one row per factor and no
// longer fires now that the factors of an assessment are one list.)
export const rule8869 = defineRule(
  {
    code: '8869',
    type: 'error',
    table: 'Assessments',
    affectedFields: ['AssessmentFactors'],
    message:
      'The assessment factors code “21” cannot be used in conjunction with any other assessment factors.',
  },
  rowRule('Assessments', ['AssessmentFactors'], (r) => {
    const codes = r.AssessmentFactors ?? []
    return codes.includes('21') && codes.some((c) => c !== '21')
  }),
)
