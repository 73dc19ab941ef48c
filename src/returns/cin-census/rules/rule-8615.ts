import { gt } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule8615 = defineRule(
  {
    code: '8615',
    type: 'error',
    table: 'Section47',
    affectedFields: ['S47ActualStartDate', 'DateOfInitialCPC'],
    message:
      'Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial Child Protection Conference',
  },
  rowRule(
    'Section47',
    ['S47ActualStartDate', 'DateOfInitialCPC'],
    (r) =>
      gt(r.S47ActualStartDate, r.DateOfInitialCPC) ||
      (r.DateOfInitialCPC !== null && r.S47ActualStartDate === null),
  ),
)
