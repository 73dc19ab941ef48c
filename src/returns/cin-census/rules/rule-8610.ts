import { defineRule, isFalseFlag, rowRule } from './helpers.ts'

export const rule8610 = defineRule(
  {
    code: '8610',
    type: 'error',
    table: 'CINdetails',
    affectedFields: ['ReferralNFA', 'PrimaryNeedCode'],
    message: 'Primary Need code is missing for a referral which led to further action.',
  },
  rowRule(
    'CINdetails',
    ['ReferralNFA', 'PrimaryNeedCode'],
    (r) => isFalseFlag(r.ReferralNFA) && r.PrimaryNeedCode === null,
  ),
)
