import { isWeekend } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

// (The validator reads this date as DD-MM-YYYY, so it never fires on XML dates; this checks the day.)
export const rule8870Q = defineRule(
  {
    code: '8870Q',
    type: 'query',
    table: 'Section47',
    affectedFields: ['InitialCPCtarget'],
    message:
      'Please check and either amend or provide a reason: The Target Date for Initial Child Protection Conference should not be a weekend',
  },
  rowRule(
    'Section47',
    ['InitialCPCtarget'],
    (r) => r.InitialCPCtarget !== null && isWeekend(r.InitialCPCtarget),
  ),
)
