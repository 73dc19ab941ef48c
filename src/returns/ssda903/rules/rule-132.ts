import { codesOf, defineRule, missingOrInvalid, rowRule } from './helpers.ts'

export const rule132 = defineRule(
  { code: '132', table: 'OC3' },
  rowRule('OC3', ['ACTIV'], (r) => missingOrInvalid(r.ACTIV, codesOf('ACTIV'))),
)
