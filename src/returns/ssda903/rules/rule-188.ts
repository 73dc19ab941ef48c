import { addYears } from '../../shared/dates.ts'
import { defineRule, present, rowRule } from './helpers.ts'

export const rule188 = defineRule(
  { code: '188', table: 'OC2' },
  rowRule(
    'OC2',
    ['SDQ_SCORE', 'SDQ_REASON'],
    (r, ctx) =>
      r.DOB !== null &&
      addYears(r.DOB, 4) > ctx.collectionEnd &&
      (present(r.SDQ_SCORE) || present(r.SDQ_REASON)),
  ),
)
