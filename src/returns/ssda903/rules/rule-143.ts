import { codesOf, defineRule, missingOrInvalid, rowRule } from './helpers.ts'

export const rule143 = defineRule(
  { code: '143', table: 'Episodes' },
  rowRule('Episodes', ['RNE'], (r) => missingOrInvalid(r.RNE, codesOf('RNE'))),
)
