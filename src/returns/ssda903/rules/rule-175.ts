import { defineRule, invalidCode, rowRule } from './helpers.ts'

const NUMBERS: ReadonlySet<string> = new Set(['1', '2'])

export const rule175 = defineRule(
  { code: '175', table: 'AD1' },
  rowRule('AD1', ['NB_ADOPTR'], (r) => invalidCode(r.NB_ADOPTR, NUMBERS)),
)
