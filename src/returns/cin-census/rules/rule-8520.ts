import { gt } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule8520 = defineRule(
  {
    code: '8520',
    type: 'error',
    table: 'ChildIdentifiers',
    affectedFields: ['PersonBirthDate', 'ReferenceDate'],
    message:
      'Date of Birth is after data collection period (must be on or before the end of the census period)',
  },
  rowRule('ChildIdentifiers', ['PersonBirthDate'], (r, ctx) => gt(r.PersonBirthDate, ctx.referenceDate)),
)
