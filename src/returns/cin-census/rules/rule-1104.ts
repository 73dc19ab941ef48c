import { beforeReferralRule, defineRule } from './helpers.ts'

// The conference date checked is the one in the Section47 module.
export const rule1104 = defineRule(
  {
    code: '1104',
    type: 'error',
    table: 'Section47',
    affectedFields: ['CINreferralDate', 'DateOfInitialCPC'],
    message: 'The date of the initial child protection conference cannot be before the referral date',
  },
  beforeReferralRule('Section47', 'DateOfInitialCPC'),
)
