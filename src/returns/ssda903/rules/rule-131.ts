import { codesOf, defineRule, missingOrInvalid, rowRule } from './helpers.ts'

export const rule131 = defineRule(
  { code: '131', table: 'OC3' },
  rowRule('OC3', ['IN_TOUCH'], (r) => missingOrInvalid(r.IN_TOUCH, codesOf('IN_TOUCH'))),
)
