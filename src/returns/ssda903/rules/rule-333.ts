import { gt } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule333 = defineRule(
  { code: '333', table: 'AD1' },
  rowRule('AD1', ['DATE_INT'], (r) => gt(r.DATE_INT, r.DATE_MATCH)),
)
