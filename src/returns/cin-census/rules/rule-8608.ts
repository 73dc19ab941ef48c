import { gt } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule8608 = defineRule(
  {
    code: '8608',
    type: 'error',
    table: 'Assessments',
    affectedFields: ['AssessmentActualStartDate', 'AssessmentAuthorisationDate'],
    message: 'Assessment Start Date cannot be later than its End Date',
  },
  rowRule('Assessments', ['AssessmentActualStartDate', 'AssessmentAuthorisationDate'], (r) =>
    gt(r.AssessmentActualStartDate, r.AssessmentAuthorisationDate),
  ),
)
