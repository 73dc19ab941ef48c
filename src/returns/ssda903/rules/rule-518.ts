import { defineRule, rowRule } from './helpers.ts'

const SEXES: ReadonlySet<string> = new Set(['MM', 'FF'])

export const rule518 = defineRule(
  { code: '518', table: 'AD1' },
  rowRule('AD1', ['LS_ADOPTR', 'SEX_ADOPTR'], (r) => r.LS_ADOPTR === 'L4' && !SEXES.has(r.SEX_ADOPTR ?? '')),
)
