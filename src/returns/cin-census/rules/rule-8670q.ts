import { lt } from '../../shared/dates.ts'
import { workingDaysBefore } from '../../shared/working-days.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule8670Q = defineRule(
  {
    code: '8670Q',
    type: 'query',
    table: 'Assessments',
    affectedFields: ['AssessmentActualStartDate'],
    message:
      'Please check and either amend data or provide a reason: Assessment started more than 45 working days before the end of the census year. However, there is no Assessment end date.',
  },
  rowRule(
    'Assessments',
    ['AssessmentAuthorisationDate', 'AssessmentActualStartDate'],
    (r, ctx) =>
      r.AssessmentAuthorisationDate === null &&
      lt(r.AssessmentActualStartDate, workingDaysBefore(ctx.referenceDate, 45)),
  ),
)
