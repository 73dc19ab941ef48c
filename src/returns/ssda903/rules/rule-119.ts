import { blank, defineRule, rowRule } from './helpers.ts'

export const rule119 = defineRule(
  { code: '119', table: 'PlacedAdoption' },
  rowRule(
    'PlacedAdoption',
    ['DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
    (r) => blank(r.DATE_PLACED_CEASED) !== blank(r.REASON_PLACED_CEASED),
  ),
)
