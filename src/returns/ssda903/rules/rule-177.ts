import { codesOf, defineRule, invalidCode, rowRule } from './helpers.ts'

export const rule177 = defineRule(
  { code: '177', table: 'AD1' },
  rowRule('AD1', ['LS_ADOPTR'], (r) => invalidCode(r.LS_ADOPTR, codesOf('LS_ADOPTR'))),
)
