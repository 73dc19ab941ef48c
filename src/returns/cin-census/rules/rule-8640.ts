import { REASONS_FOR_CLOSURE } from './code-lists.ts'
import { defineRule, invalidCode, rowRule } from './helpers.ts'

export const rule8640 = defineRule(
  {
    code: '8640',
    type: 'error',
    table: 'CINdetails',
    affectedFields: ['ReasonForClosure'],
    message: 'CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)',
  },
  rowRule('CINdetails', ['ReasonForClosure'], (r) => invalidCode(r.ReasonForClosure, REASONS_FOR_CLOSURE)),
)
