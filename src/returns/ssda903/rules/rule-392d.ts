import { defineRule, present, rowRule } from './helpers.ts'

const postcode = (value: string) => value.toUpperCase().replace(/\s+/g, '')

// The same home and placement postcode is only expected when the child is placed with parents (P1).
export const rule392d = defineRule(
  { code: '392d', table: 'Episodes' },
  rowRule(
    'Episodes',
    ['HOME_POST', 'PL_POST', 'PLACE'],
    (r) =>
      r.PLACE !== 'P1' &&
      present(r.HOME_POST) &&
      present(r.PL_POST) &&
      postcode(r.HOME_POST) === postcode(r.PL_POST),
  ),
)
