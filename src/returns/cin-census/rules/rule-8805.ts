import { defineRule, rowRule } from './helpers.ts'

export const rule8805 = defineRule(
  {
    code: '8805',
    type: 'error',
    table: 'CINdetails',
    affectedFields: ['CINclosureDate', 'ReasonForClosure'],
    message: 'A CIN case cannot have a CIN closure date without a Reason for Closure',
  },
  rowRule(
    'CINdetails',
    ['CINclosureDate', 'ReasonForClosure'],
    (r) => r.CINclosureDate !== null && r.ReasonForClosure === null,
  ),
)
