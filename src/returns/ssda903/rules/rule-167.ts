import { codesOf, defineRule, missingOrInvalid, rowRule } from './helpers.ts'

export const rule167 = defineRule(
  { code: '167', table: 'Reviews' },
  rowRule('Reviews', ['REVIEW_CODE'], (r) => missingOrInvalid(r.REVIEW_CODE, codesOf('REVIEW_CODE'))),
)
