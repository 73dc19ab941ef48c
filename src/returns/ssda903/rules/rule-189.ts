import { addYears } from '../../shared/dates.ts'
import { defineRule, present, rowRule } from './helpers.ts'

export const rule189 = defineRule(
  { code: '189', table: 'OC2' },
  rowRule(
    'OC2',
    ['DOB', 'SDQ_SCORE', 'SDQ_REASON'],
    (r, ctx) =>
      r.DOB !== null &&
      addYears(r.DOB, 17) <= ctx.collectionStart &&
      (present(r.SDQ_SCORE) || present(r.SDQ_REASON)),
  ),
)
