import { defineRule, rowRule } from './helpers.ts'

const SEXES: ReadonlySet<string> = new Set(['MM', 'FF'])

export const rule524 = defineRule(
  { code: '524', table: 'AD1' },
  rowRule('AD1', ['LS_ADOPTR', 'SEX_ADOPTR'], (r) => r.LS_ADOPTR === 'L12' && !SEXES.has(r.SEX_ADOPTR ?? '')),
)
