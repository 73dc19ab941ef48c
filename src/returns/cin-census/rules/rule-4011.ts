import { lt } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule4011 = defineRule(
  {
    code: '4011',
    type: 'error',
    table: 'CINplanDates',
    affectedFields: ['CINPlanEndDate', 'CINPlanStartDate'],
    message: 'CIN Plan End Date earlier than Start Date',
  },
  rowRule('CINplanDates', ['CINPlanEndDate', 'CINPlanStartDate'], (r) =>
    lt(r.CINPlanEndDate, r.CINPlanStartDate),
  ),
)
