import { defineRule, placedUnderAge } from './helpers.ts'

// A child placed in a residential school (S1) must be 4 or over when the placement begins. (The validator skips
// episodes still open.)
export const rule373 = defineRule({ code: '373', table: 'Episodes' }, placedUnderAge('S1', 4))
