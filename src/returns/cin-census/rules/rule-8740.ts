import { outside } from '../../shared/dates.ts'
import { defineRule, isFalseFlag, rowRule } from './helpers.ts'

// ICPCnotRequired "false" counts as false as well as "0" (the validator only recognises "0").
export const rule8740 = defineRule(
  {
    code: '8740',
    type: 'error',
    table: 'Section47',
    affectedFields: ['S47ActualStartDate', 'DateOfInitialCPC', 'ICPCnotRequired'],
    message:
      'For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the end of the census year, the start date must fall within the census year',
  },
  rowRule(
    'Section47',
    ['S47ActualStartDate', 'DateOfInitialCPC', 'ICPCnotRequired'],
    (r, ctx) =>
      r.DateOfInitialCPC === null &&
      isFalseFlag(r.ICPCnotRequired) &&
      outside(r.S47ActualStartDate, ctx.collectionStart, ctx.referenceDate),
  ),
)
