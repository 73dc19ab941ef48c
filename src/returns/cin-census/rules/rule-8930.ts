import { outside } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule8930 = defineRule(
  {
    code: '8930',
    type: 'error',
    table: 'ChildProtectionPlans',
    affectedFields: ['CPPendDate', 'ReferenceDate'],
    message: 'Child Protection Plan End Date must fall within the census year',
  },
  rowRule('ChildProtectionPlans', ['CPPendDate'], (r, ctx) =>
    outside(r.CPPendDate, ctx.collectionStart, ctx.referenceDate),
  ),
)
