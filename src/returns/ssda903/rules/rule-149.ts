import { codesOf, defineRule, invalidCode, rowRule } from './helpers.ts'

export const rule149 = defineRule(
  { code: '149', table: 'Episodes' },
  rowRule('Episodes', ['REC'], (r) => invalidCode(r.REC, codesOf('REC'))),
)
