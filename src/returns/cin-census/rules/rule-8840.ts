import { same } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule8840 = defineRule(
  {
    code: '8840',
    type: 'error',
    table: 'ChildProtectionPlans',
    affectedFields: ['ChildProtectionPlans', 'CPPstartDate', 'CPPendDate'],
    message: 'Child Protection Plan cannot start and end on the same day',
  },
  rowRule('ChildProtectionPlans', ['CPPstartDate', 'CPPendDate'], (r) => same(r.CPPstartDate, r.CPPendDate)),
)
