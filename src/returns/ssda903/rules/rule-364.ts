import { defineRule, legalStatusLongerThan } from './helpers.ts'

// Detention under PACE (J2), as the validator measures it: more than 21 days.
export const rule364 = defineRule({ code: '364', table: 'Episodes' }, legalStatusLongerThan('J2', 21))
