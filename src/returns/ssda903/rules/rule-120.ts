import { codesOf, defineRule, invalidCode, rowRule } from './helpers.ts'

export const rule120 = defineRule(
  { code: '120', table: 'PlacedAdoption' },
  rowRule('PlacedAdoption', ['REASON_PLACED_CEASED'], (r) =>
    invalidCode(r.REASON_PLACED_CEASED, codesOf('REASON_PLACED_CEASED')),
  ),
)
