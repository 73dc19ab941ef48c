import { defineRule, isFalseFlag, isTrueFlag, rowRule } from './helpers.ts'

export const rule8568 = defineRule(
  {
    code: '8568',
    type: 'error',
    table: 'CINdetails',
    affectedFields: ['ReferralNFA'],
    message: 'RNFA flag is missing or invalid',
  },
  rowRule('CINdetails', ['ReferralNFA'], (r) => !isTrueFlag(r.ReferralNFA) && !isFalseFlag(r.ReferralNFA)),
)
