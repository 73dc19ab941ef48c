import { defineRule, present, rowRule } from './helpers.ts'

export const rule197a = defineRule(
  { code: '197a', table: 'OC2' },
  rowRule('OC2', ['SDQ_SCORE', 'SDQ_REASON'], (r) => present(r.SDQ_SCORE) && present(r.SDQ_REASON)),
)
