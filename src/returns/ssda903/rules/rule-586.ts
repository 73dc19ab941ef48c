import { lt } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule586 = defineRule(
  { code: '586', table: 'Missing' },
  rowRule('Missing', ['MIS_START'], (r) => lt(r.MIS_START, r.DOB)),
)
