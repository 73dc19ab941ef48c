import { codesOf, defineRule, invalidCode, rowRule } from './helpers.ts'

export const rule176 = defineRule(
  { code: '176', table: 'AD1' },
  rowRule('AD1', ['SEX_ADOPTR'], (r) => invalidCode(r.SEX_ADOPTR, codesOf('SEX_ADOPTR'))),
)
