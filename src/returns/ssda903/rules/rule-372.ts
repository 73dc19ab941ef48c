import { defineRule, placedUnderAge } from './helpers.ts'

// A child placed in youth custody or prison (R5) must be 10 or over when the placement begins. (The validator
// skips episodes still open.)
export const rule372 = defineRule({ code: '372', table: 'Episodes' }, placedUnderAge('R5', 10))
