import { CATEGORIES_OF_ABUSE } from './code-lists.ts'
import { defineRule, missingOrInvalidCode, rowRule } from './helpers.ts'

export const rule8905 = defineRule(
  {
    code: '8905',
    type: 'error',
    table: 'ChildProtectionPlans',
    affectedFields: ['InitialCategoryOfAbuse'],
    message:
      'Initial Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)',
  },
  rowRule('ChildProtectionPlans', ['InitialCategoryOfAbuse'], (r) =>
    missingOrInvalidCode(r.InitialCategoryOfAbuse, CATEGORIES_OF_ABUSE),
  ),
)
