import { defineRule, rowRule } from './helpers.ts'

const SEXES: ReadonlySet<string> = new Set(['MM', 'FF', 'MF'])

export const rule519 = defineRule(
  { code: '519', table: 'AD1' },
  rowRule('AD1', ['LS_ADOPTR', 'SEX_ADOPTR'], (r) => r.LS_ADOPTR === 'L2' && !SEXES.has(r.SEX_ADOPTR ?? '')),
)
