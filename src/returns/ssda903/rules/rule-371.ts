import { defineRule, placedUnderAge } from './helpers.ts'

// A child placed in supported accommodation not subject to the children's homes regulations (K3) must be 16 or
// over when the placement begins. (The validator skips episodes still open.)
export const rule371 = defineRule({ code: '371', table: 'Episodes' }, placedUnderAge('K3', 16))
