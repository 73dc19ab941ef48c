import { codesOf, defineRule, missingOrInvalid, rowRule } from './helpers.ts'

export const rule145 = defineRule(
  { code: '145', table: 'Episodes' },
  rowRule('Episodes', ['CIN'], (r) => missingOrInvalid(r.CIN, codesOf('CIN'))),
)
