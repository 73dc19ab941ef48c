import { defineRule, rowRule } from './helpers.ts'

export const rule8600 = defineRule(
  {
    code: '8600',
    type: 'error',
    table: 'CINdetails',
    affectedFields: ['CINreferralDate'],
    message: 'Child referral date missing or after data collection period',
  },
  rowRule(
    'CINdetails',
    ['CINreferralDate'],
    (r, ctx) => r.CINreferralDate === null || r.CINreferralDate > ctx.referenceDate,
  ),
)
