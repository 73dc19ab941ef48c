import { blank, defineRule, present, rowRule } from './helpers.ts'

export const rule563 = defineRule(
  { code: '563', table: 'PlacedAdoption' },
  rowRule(
    'PlacedAdoption',
    ['DATE_PLACED', 'REASON_PLACED_CEASED', 'DATE_PLACED_CEASED'],
    (r) => present(r.REASON_PLACED_CEASED) && present(r.DATE_PLACED_CEASED) && blank(r.DATE_PLACED),
  ),
)
