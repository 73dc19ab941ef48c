import { defineRule, legalStatusLongerThan } from './helpers.ts'

// A child assessment order (L3) lasts at most 7 days.
export const rule363 = defineRule({ code: '363', table: 'Episodes' }, legalStatusLongerThan('L3', 7))
