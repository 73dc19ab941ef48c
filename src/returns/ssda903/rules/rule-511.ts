import { defineRule, present, rowRule } from './helpers.ts'

const COUPLES: ReadonlySet<string> = new Set(['MM', 'FF', 'MF'])

export const rule511 = defineRule(
  { code: '511', table: 'AD1' },
  rowRule(
    'AD1',
    ['NB_ADOPTR', 'SEX_ADOPTR'],
    (r) => r.NB_ADOPTR === '2' && present(r.SEX_ADOPTR) && !COUPLES.has(r.SEX_ADOPTR),
  ),
)
