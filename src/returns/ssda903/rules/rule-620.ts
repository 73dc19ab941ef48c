import { addYears } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule620 = defineRule(
  { code: '620', table: 'Header' },
  rowRule(
    'Header',
    ['DOB', 'MOTHER'],
    (r, ctx) => r.MOTHER === '1' && r.DOB !== null && addYears(r.DOB, 11) > ctx.collectionStart,
  ),
)
