import { defineRule, placedUnderAge } from './helpers.ts'

// A child placed in residential employment (P3) must be 14 or over when the placement begins. (The validator
// skips episodes still open.)
export const rule374 = defineRule({ code: '374', table: 'Episodes' }, placedUnderAge('P3', 14))
