import { beforeReferralRule, defineRule } from './helpers.ts'

export const rule1103 = defineRule(
  {
    code: '1103',
    type: 'error',
    table: 'Assessments',
    affectedFields: ['AssessmentActualStartDate', 'CINreferralDate'],
    message: 'The assessment start date cannot be before the referral date',
  },
  beforeReferralRule('Assessments', 'AssessmentActualStartDate'),
)
