import { codesOf, defineRule, invalidCode, rowRule } from './helpers.ts'

export const rule1009 = defineRule(
  { code: '1009', table: 'Episodes' },
  rowRule('Episodes', ['REASON_PLACE_CHANGE'], (r) =>
    invalidCode(r.REASON_PLACE_CHANGE, codesOf('REASON_PLACE_CHANGE')),
  ),
)
