import { addDays, addMonths } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

// Expected between ReferenceDate - 30 days and ReferenceDate + 9 months, both ends excluded as in
// the validator.
export const rule8530Q = defineRule(
  {
    code: '8530Q',
    type: 'query',
    table: 'ChildIdentifiers',
    affectedFields: ['ExpectedPersonBirthDate'],
    message:
      'Please check and either amend data or provide a reason: Expected Date of Birth is outside the expected range for this census (March to December of the Census Year end)',
  },
  rowRule('ChildIdentifiers', ['ExpectedPersonBirthDate'], (r, ctx) => {
    const due = r.ExpectedPersonBirthDate
    if (due === null) return false
    return due >= addMonths(ctx.referenceDate, 9) || due <= addDays(ctx.referenceDate, -30)
  }),
)
