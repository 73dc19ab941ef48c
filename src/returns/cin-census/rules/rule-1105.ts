import { beforeReferralRule, defineRule } from './helpers.ts'

export const rule1105 = defineRule(
  {
    code: '1105',
    type: 'error',
    table: 'ChildProtectionPlans',
    affectedFields: ['CPPstartDate', 'CINreferralDate'],
    message: 'The child protection plan start date cannot be before the referral date',
  },
  beforeReferralRule('ChildProtectionPlans', 'CPPstartDate'),
)
