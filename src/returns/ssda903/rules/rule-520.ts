import { defineRule, rowRule } from './helpers.ts'

const SEXES: ReadonlySet<string> = new Set(['MF'])

export const rule520 = defineRule(
  { code: '520', table: 'AD1' },
  rowRule('AD1', ['LS_ADOPTR', 'SEX_ADOPTR'], (r) => r.LS_ADOPTR === 'L11' && !SEXES.has(r.SEX_ADOPTR ?? '')),
)
