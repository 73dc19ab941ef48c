import { lt } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule8630 = defineRule(
  {
    code: '8630',
    type: 'error',
    table: 'CINdetails',
    affectedFields: ['CINreferralDate', 'CINclosureDate'],
    message: 'CIN Closure Date is before CIN Referral Date for the same CIN episode',
  },
  rowRule('CINdetails', ['CINreferralDate', 'CINclosureDate'], (r) =>
    lt(r.CINclosureDate, r.CINreferralDate),
  ),
)
