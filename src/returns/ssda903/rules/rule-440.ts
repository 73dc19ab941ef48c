import { addYears, gt } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule440 = defineRule(
  { code: '440', table: 'Reviews' },
  rowRule(
    'Reviews',
    ['DOB', 'REVIEW', 'REVIEW_CODE'],
    (r) => r.REVIEW_CODE === 'PN0' && r.DOB !== null && gt(r.REVIEW, addYears(r.DOB, 4)),
  ),
)
