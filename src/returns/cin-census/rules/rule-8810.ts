import { defineRule, rowRule } from './helpers.ts'

export const rule8810 = defineRule(
  {
    code: '8810',
    type: 'error',
    table: 'CINdetails',
    affectedFields: ['ReasonForClosure', 'CINclosureDate'],
    message: 'A CIN case cannot have a Reason for Closure without a CIN Closure Date',
  },
  rowRule(
    'CINdetails',
    ['ReasonForClosure', 'CINclosureDate'],
    (r) => r.ReasonForClosure !== null && r.CINclosureDate === null,
  ),
)
