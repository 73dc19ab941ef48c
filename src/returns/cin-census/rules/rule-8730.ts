import { defineRule, rowRule } from './helpers.ts'

// Must be a whole number of 0 or more. (The validator flags missing and negative values; text that
// is not a number stops its rule altogether, here it is flagged.)
export const rule8730 = defineRule(
  {
    code: '8730',
    type: 'error',
    table: 'ChildProtectionPlans',
    affectedFields: ['NumberOfPreviousCPP'],
    message: 'Total Number of previous Child Protection Plans missing',
  },
  rowRule(
    'ChildProtectionPlans',
    ['NumberOfPreviousCPP'],
    (r) => r.NumberOfPreviousCPP === null || !/^\+?\d+$/.test(r.NumberOfPreviousCPP.trim()),
  ),
)
