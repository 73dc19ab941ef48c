import { addYears } from '../../shared/dates.ts'
import { defineRule, present, rowRule } from './helpers.ts'

// Not yet 17 at 31 March (as the validator checks), or already 22 on 1 April (the message's other half).
export const rule391 = defineRule(
  { code: '391', table: 'OC3' },
  rowRule('OC3', ['DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'], (r, ctx) => {
    if (r.DOB === null || ![r.IN_TOUCH, r.ACTIV, r.ACCOM].some(present)) return false
    return addYears(r.DOB, 17) > ctx.collectionEnd || addYears(r.DOB, 22) <= ctx.collectionStart
  }),
)
