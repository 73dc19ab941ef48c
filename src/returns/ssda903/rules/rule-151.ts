import { defineRule, present, rowRule } from './helpers.ts'

const ITEMS = ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'] as const

export const rule151 = defineRule(
  { code: '151', table: 'AD1' },
  rowRule('AD1', ITEMS, (r) => {
    const given = ITEMS.filter((f) => present(r[f])).length
    return given > 0 && given < ITEMS.length
  }),
)
