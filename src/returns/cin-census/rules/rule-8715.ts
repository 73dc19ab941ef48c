import { outside } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule8715 = defineRule(
  {
    code: '8715',
    type: 'error',
    table: 'Section47',
    affectedFields: ['DateOfInitialCPC', 'ReferenceDate'],
    message: 'Date of Initial Child Protection Conference must fall within the census year',
  },
  rowRule('Section47', ['DateOfInitialCPC'], (r, ctx) =>
    outside(r.DateOfInitialCPC, ctx.collectionStart, ctx.referenceDate),
  ),
)
