import { beforeReferralRule, defineRule } from './helpers.ts'

export const rule4015 = defineRule(
  {
    code: '4015',
    type: 'error',
    table: 'CINplanDates',
    affectedFields: ['CINPlanStartDate', 'CINreferralDate'],
    message: 'The CIN Plan start date cannot be before the referral date',
  },
  beforeReferralRule('CINplanDates', 'CINPlanStartDate'),
)
