import { ge } from '../../shared/dates.ts'
import { REFERRAL_SOURCES } from './code-lists.ts'
import { defineRule, missingOrInvalidCode, rowRule } from './helpers.ts'

// Required for referrals from 1 April 2013.
export const rule8866 = defineRule(
  {
    code: '8866',
    type: 'error',
    table: 'CINdetails',
    affectedFields: ['CINreferralDate', 'ReferralSource'],
    message: 'Source of Referral is missing or an invalid code',
  },
  rowRule(
    'CINdetails',
    ['CINreferralDate', 'ReferralSource'],
    (r) => ge(r.CINreferralDate, '2013-04-01') && missingOrInvalidCode(r.ReferralSource, REFERRAL_SOURCES),
  ),
)
