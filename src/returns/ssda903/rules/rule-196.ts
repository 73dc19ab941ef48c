import { codesOf, defineRule, invalidCode, rowRule } from './helpers.ts'

export const rule196 = defineRule(
  { code: '196', table: 'OC2' },
  rowRule('OC2', ['SDQ_REASON'], (r) => invalidCode(r.SDQ_REASON, codesOf('SDQ_REASON'))),
)
