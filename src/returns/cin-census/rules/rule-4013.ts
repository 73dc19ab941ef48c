import { outside } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule4013 = defineRule(
  {
    code: '4013',
    type: 'error',
    table: 'CINplanDates',
    affectedFields: ['CINPlanEndDate', 'ReferenceDate'],
    message: 'CIN Plan end date must fall within the census year',
  },
  rowRule('CINplanDates', ['CINPlanEndDate'], (r, ctx) =>
    outside(r.CINPlanEndDate, ctx.collectionStart, ctx.referenceDate),
  ),
)
