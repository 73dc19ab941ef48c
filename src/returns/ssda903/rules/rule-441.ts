import { addYears, lt } from '../../shared/dates.ts'
import { codesOf, defineRule, present, rowRule } from './helpers.ts'

export const rule441 = defineRule(
  { code: '441', table: 'Reviews' },
  rowRule(
    'Reviews',
    ['DOB', 'REVIEW', 'REVIEW_CODE'],
    (r) =>
      present(r.REVIEW_CODE) &&
      r.REVIEW_CODE !== 'PN0' &&
      codesOf('REVIEW_CODE').has(r.REVIEW_CODE) &&
      r.DOB !== null &&
      lt(r.REVIEW, addYears(r.DOB, 4)),
  ),
)
