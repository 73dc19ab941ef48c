import { defineRule, placedLongerThan } from './helpers.ts'

// A temporary placement in hospital (T1) of more than six weeks.
export const rule375 = defineRule({ code: '375', table: 'Episodes' }, placedLongerThan('T1', 42))
