import { lt } from '../../shared/dates.ts'
import { workingDaysBefore } from '../../shared/working-days.ts'
import { defineRule, isFalseFlag, rowRule } from './helpers.ts'

export const rule8675Q = defineRule(
  {
    code: '8675Q',
    type: 'query',
    table: 'Section47',
    affectedFields: ['DateOfInitialCPC', 'S47ActualStartDate', 'ICPCnotRequired'],
    message:
      'Please check and either amend data or provide a reason: S47 Enquiry started more than 15 working days before the end of the census year. However, there is no date of Initial Child Protection Conference.',
  },
  rowRule(
    'Section47',
    ['DateOfInitialCPC', 'S47ActualStartDate', 'ICPCnotRequired'],
    (r, ctx) =>
      r.DateOfInitialCPC === null &&
      isFalseFlag(r.ICPCnotRequired) &&
      lt(r.S47ActualStartDate, workingDaysBefore(ctx.referenceDate, 15)),
  ),
)
