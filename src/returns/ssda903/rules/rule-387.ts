import { ceasedUnderAge, defineRule } from './helpers.ts'

// Moved into independent living (E5 with support, E6 without) before the 14th birthday.
export const rule387 = defineRule(
  { code: '387', table: 'Episodes' },
  ceasedUnderAge(new Set(['E5', 'E6']), 14),
)
