import { codesOf, defineRule, missingOrInvalid, rowRule } from './helpers.ts'

export const rule101 = defineRule(
  { code: '101', table: 'Header' },
  rowRule('Header', ['SEX'], (r) => missingOrInvalid(r.SEX, codesOf('SEX'))),
)
