import { isWeekend } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule8875 = defineRule(
  {
    code: '8875',
    type: 'error',
    table: 'Section47',
    affectedFields: ['DateOfInitialCPC'],
    message: 'The Date of Initial Child Protection Conference cannot be a weekend',
  },
  rowRule(
    'Section47',
    ['DateOfInitialCPC'],
    (r) => r.DateOfInitialCPC !== null && isWeekend(r.DateOfInitialCPC),
  ),
)
