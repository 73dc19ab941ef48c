import { outside } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule8696 = defineRule(
  {
    code: '8696',
    type: 'error',
    table: 'Assessments',
    affectedFields: ['AssessmentAuthorisationDate', 'ReferenceDate'],
    message: 'Assessment end date must fall within the census year',
  },
  rowRule('Assessments', ['AssessmentAuthorisationDate'], (r, ctx) =>
    outside(r.AssessmentAuthorisationDate, ctx.collectionStart, ctx.referenceDate),
  ),
)
