import { le } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule621 = defineRule(
  { code: '621', table: 'Header' },
  rowRule('Header', ['DOB', 'MC_DOB'], (r) => le(r.MC_DOB, r.DOB)),
)
