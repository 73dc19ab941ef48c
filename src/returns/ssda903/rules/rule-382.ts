import { defineRule, rowRule, SHORT_BREAKS, TEMPORARY_PLACEMENTS } from './helpers.ts'

export const rule382 = defineRule(
  { code: '382', table: 'Episodes' },
  rowRule(
    'Episodes',
    ['LS', 'PLACE'],
    (r) => SHORT_BREAKS.has(r.LS ?? '') && TEMPORARY_PLACEMENTS.has(r.PLACE ?? ''),
  ),
)
