import { beforeReferralRule, defineRule } from './helpers.ts'

export const rule2889 = defineRule(
  {
    code: '2889',
    type: 'error',
    table: 'Section47',
    affectedFields: ['S47ActualStartDate', 'CINreferralDate'],
    message: 'The S47 start date cannot be before the referral date.',
  },
  beforeReferralRule('Section47', 'S47ActualStartDate'),
)
