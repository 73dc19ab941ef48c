import { defineRule, rowRule } from './helpers.ts'

const COUPLES: ReadonlySet<string> = new Set(['MM', 'FF', 'MF'])

export const rule514 = defineRule(
  { code: '514', table: 'AD1' },
  rowRule('AD1', ['LS_ADOPTR', 'SEX_ADOPTR'], (r) => r.LS_ADOPTR === 'L0' && COUPLES.has(r.SEX_ADOPTR ?? '')),
)
