import { PRIMARY_NEED_CODES } from './code-lists.ts'
import { defineRule, invalidCode, rowRule } from './helpers.ts'

export const rule8650 = defineRule(
  {
    code: '8650',
    type: 'error',
    table: 'CINdetails',
    affectedFields: ['PrimaryNeedCode'],
    message: 'Primary Need Code invalid (see Primary Need table in CIN census code set)',
  },
  rowRule('CINdetails', ['PrimaryNeedCode'], (r) => invalidCode(r.PrimaryNeedCode, PRIMARY_NEED_CODES)),
)
