import { same } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule4012Q = defineRule(
  {
    code: '4012Q',
    type: 'query',
    table: 'CINplanDates',
    affectedFields: ['CINPlanStartDate', 'CINPlanEndDate'],
    message:
      'Please check and either amend or provide a reason: CIN Plan shown as starting and ending on the same day',
  },
  rowRule('CINplanDates', ['CINPlanStartDate', 'CINPlanEndDate'], (r) =>
    same(r.CINPlanStartDate, r.CINPlanEndDate),
  ),
)
