import { defineRule, legalStatusLongerThan } from './helpers.ts'

// An emergency protection order (L2) lasts at most 21 days.
export const rule362 = defineRule({ code: '362', table: 'Episodes' }, legalStatusLongerThan('L2', 21))
