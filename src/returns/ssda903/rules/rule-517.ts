import { defineRule, rowRule } from './helpers.ts'

const SEXES: ReadonlySet<string> = new Set(['MF'])

export const rule517 = defineRule(
  { code: '517', table: 'AD1' },
  rowRule('AD1', ['LS_ADOPTR', 'SEX_ADOPTR'], (r) => r.LS_ADOPTR === 'L3' && !SEXES.has(r.SEX_ADOPTR ?? '')),
)
