import { defineRule, legalStatusLongerThan } from './helpers.ts'

// Police protection (L1) lasts at most 72 hours: more than 3 days from its start to its end.
export const rule361 = defineRule({ code: '361', table: 'Episodes' }, legalStatusLongerThan('L1', 3))
