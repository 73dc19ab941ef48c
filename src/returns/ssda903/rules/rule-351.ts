import { addYears } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule351 = defineRule(
  { code: '351', table: 'Header' },
  rowRule('Header', ['DOB'], (r, ctx) => r.DOB !== null && addYears(r.DOB, 25) < ctx.collectionStart),
)
