import { ceasedUnderAge, defineRule } from './helpers.ts'

// Transferred to residential care funded by adult social services (E7) before the 16th birthday.
export const rule389 = defineRule({ code: '389', table: 'Episodes' }, ceasedUnderAge(new Set(['E7']), 16))
