import { lt } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule8925 = defineRule(
  {
    code: '8925',
    type: 'error',
    table: 'ChildProtectionPlans',
    affectedFields: ['CPPstartDate', 'CPPendDate'],
    message: 'Child Protection Plan End Date earlier than Start Date',
  },
  rowRule('ChildProtectionPlans', ['CPPstartDate', 'CPPendDate'], (r) => lt(r.CPPendDate, r.CPPstartDate)),
)
