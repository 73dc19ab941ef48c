import { gt, lt } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule571 = defineRule(
  { code: '571', table: 'Missing' },
  rowRule(
    'Missing',
    ['MIS_END'],
    (r, ctx) => lt(r.MIS_END, ctx.collectionStart) || gt(r.MIS_END, ctx.collectionEnd),
  ),
)
