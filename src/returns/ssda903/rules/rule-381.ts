import { defineRule, present, rowRule, TEMPORARY_PLACEMENTS } from './helpers.ts'

export const rule381 = defineRule(
  { code: '381', table: 'Episodes' },
  rowRule(
    'Episodes',
    ['PLACE', 'REC'],
    (r) => present(r.REC) && r.REC !== 'X1' && TEMPORARY_PLACEMENTS.has(r.PLACE ?? ''),
  ),
)
