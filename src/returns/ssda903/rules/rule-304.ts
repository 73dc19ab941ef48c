import { addYears } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule304 = defineRule(
  { code: '304', table: 'UASC' },
  rowRule('UASC', ['DUC'], (r) => r.DUC !== null && r.DOB !== null && r.DUC > addYears(r.DOB, 18)),
)
