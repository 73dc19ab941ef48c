import { ADOPTED, ADOPTION_PLACEMENTS, defineRule, rowRule } from './helpers.ts'

// Adopted (E11, E12) from an episode that was not a placement for adoption (A3-A6).
export const rule390 = defineRule(
  { code: '390', table: 'Episodes' },
  rowRule(
    'Episodes',
    ['REC', 'PLACE'],
    (r) => ADOPTED.has((r.REC ?? '').toUpperCase()) && !ADOPTION_PLACEMENTS.has(r.PLACE ?? ''),
  ),
)
