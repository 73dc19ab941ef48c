import { lt } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule184 = defineRule(
  { code: '184', table: 'PlacedAdoption' },
  rowRule('PlacedAdoption', ['DATE_PLACED', 'DOB'], (r) => lt(r.DATE_PLACED, r.DOB)),
)
