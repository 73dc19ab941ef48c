import { addYears, gt, lt } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

// The social worker reporting period runs from a year before the collection year to its end.
export const ruleSW07STG2 = defineRule(
  { code: 'SW07STG2', table: 'SWEpisodes' },
  rowRule(
    'SWEpisodes',
    ['SW_DEC'],
    (r, ctx) => lt(r.SW_DEC, addYears(ctx.collectionStart, -1)) || gt(r.SW_DEC, ctx.collectionEnd),
  ),
)
