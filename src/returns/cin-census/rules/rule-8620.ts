import { outside } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule8620 = defineRule(
  {
    code: '8620',
    type: 'error',
    table: 'CINdetails',
    affectedFields: ['CINclosureDate'],
    message: 'CIN Closure Date present and does not fall within the Census year',
  },
  rowRule('CINdetails', ['CINclosureDate'], (r, ctx) =>
    outside(r.CINclosureDate, ctx.collectionStart, ctx.referenceDate),
  ),
)
