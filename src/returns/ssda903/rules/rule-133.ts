import { codesOf, defineRule, missingOrInvalid, rowRule } from './helpers.ts'

export const rule133 = defineRule(
  { code: '133', table: 'OC3' },
  rowRule('OC3', ['ACCOM'], (r) => missingOrInvalid(r.ACCOM, codesOf('ACCOM'))),
)
