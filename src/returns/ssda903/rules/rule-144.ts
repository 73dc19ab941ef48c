import { codesOf, defineRule, missingOrInvalid, rowRule } from './helpers.ts'

export const rule144 = defineRule(
  { code: '144', table: 'Episodes' },
  rowRule('Episodes', ['LS'], (r) => missingOrInvalid(r.LS, codesOf('LS'))),
)
