import { defineRule, present, rowRule, SHORT_BREAKS } from './helpers.ts'

// A short break (V3, V4) returns no placement postcode or URN.
export const rule214 = defineRule(
  { code: '214', table: 'Episodes' },
  rowRule(
    'Episodes',
    ['PL_POST', 'URN'],
    (r) => SHORT_BREAKS.has(r.LS ?? '') && (present(r.PL_POST) || present(r.URN)),
  ),
)
