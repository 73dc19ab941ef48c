import { defineRule, present, rowRule } from './helpers.ts'

export const rule635 = defineRule(
  { code: '635', table: 'PrevPerm' },
  rowRule(
    'PrevPerm',
    ['DATE_PERM', 'LA_PERM', 'PREV_PERM'],
    (r) => r.PREV_PERM === 'Z1' && (present(r.LA_PERM) || present(r.DATE_PERM)),
  ),
)
