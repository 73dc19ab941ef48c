import { lt } from '../../shared/dates.ts'
import { workingDaysBefore } from '../../shared/working-days.ts'
import { defineRule, isFalseFlag, rowRule } from './helpers.ts'

// The cut-off is the start of the census period moved to a working day, as the validator computes
// "start minus one working day". A missing or invalid flag is queried too, as there.
export const rule8569Q = defineRule(
  {
    code: '8569Q',
    type: 'query',
    table: 'CINdetails',
    affectedFields: ['ReferralNFA'],
    message:
      'A case with referral date before one working day prior to the collection start date must not be flagged as a no further action case',
  },
  rowRule(
    'CINdetails',
    ['CINreferralDate'],
    (r, ctx) =>
      lt(r.CINreferralDate, workingDaysBefore(ctx.collectionStart, 1)) && !isFalseFlag(r.ReferralNFA),
  ),
)
