import { defineRule, rowRule } from './helpers.ts'

export const rule8614 = defineRule(
  {
    code: '8614',
    type: 'error',
    table: 'Assessments',
    affectedFields: ['AssessmentAuthorisationDate', 'AssessmentFactors'],
    message: 'Parental or child factors at assessment should only be present for a completed assessment.',
  },
  rowRule(
    'Assessments',
    ['AssessmentAuthorisationDate', 'AssessmentFactors'],
    (r) => r.AssessmentAuthorisationDate === null && r.AssessmentFactors !== null,
  ),
)
