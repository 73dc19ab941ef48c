import { defineRule, rowRule } from './helpers.ts'

export const rule4010 = defineRule(
  {
    code: '4010',
    type: 'error',
    table: 'CINplanDates',
    affectedFields: ['CINPlanStartDate'],
    message: 'CIN Plan start date is missing or out of data collection period',
  },
  rowRule(
    'CINplanDates',
    ['CINPlanStartDate'],
    (r, ctx) => r.CINPlanStartDate === null || r.CINPlanStartDate > ctx.referenceDate,
  ),
)
