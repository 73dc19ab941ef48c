import { defineRule, placedLongerThan } from './helpers.ts'

// A temporary placement for an unspecified reason (T4) of more than seven days.
export const rule379 = defineRule({ code: '379', table: 'Episodes' }, placedLongerThan('T4', 7))
