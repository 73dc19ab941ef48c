import { gt } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule522 = defineRule(
  { code: '522', table: 'PlacedAdoption' },
  rowRule('PlacedAdoption', ['DATE_PLACED', 'DATE_PLACED_CEASED'], (r) =>
    gt(r.DATE_PLACED, r.DATE_PLACED_CEASED),
  ),
)
