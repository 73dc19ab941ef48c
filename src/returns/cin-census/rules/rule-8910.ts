import { CATEGORIES_OF_ABUSE } from './code-lists.ts'
import { defineRule, missingOrInvalidCode, rowRule } from './helpers.ts'

export const rule8910 = defineRule(
  {
    code: '8910',
    type: 'error',
    table: 'ChildProtectionPlans',
    affectedFields: ['LatestCategoryOfAbuse'],
    message:
      'Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)',
  },
  rowRule('ChildProtectionPlans', ['LatestCategoryOfAbuse'], (r) =>
    missingOrInvalidCode(r.LatestCategoryOfAbuse, CATEGORIES_OF_ABUSE),
  ),
)
