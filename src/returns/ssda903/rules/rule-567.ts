import { lt } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule567 = defineRule(
  { code: '567', table: 'Missing' },
  rowRule('Missing', ['MIS_END', 'MIS_START'], (r) => lt(r.MIS_END, r.MIS_START)),
)
