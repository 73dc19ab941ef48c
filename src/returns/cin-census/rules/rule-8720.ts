import { defineRule, rowRule } from './helpers.ts'

export const rule8720 = defineRule(
  {
    code: '8720',
    type: 'error',
    table: 'ChildProtectionPlans',
    affectedFields: ['CPPstartDate', 'ReferenceDate'],
    message: 'Child Protection Plan Start Date missing or out of data collection period',
  },
  rowRule(
    'ChildProtectionPlans',
    ['CPPstartDate'],
    (r, ctx) => r.CPPstartDate === null || r.CPPstartDate > ctx.referenceDate,
  ),
)
