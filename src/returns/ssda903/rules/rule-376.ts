import { defineRule, placedLongerThan } from './helpers.ts'

// A temporary placement while the usual foster carers are on holiday (T3) of more than three weeks.
export const rule376 = defineRule({ code: '376', table: 'Episodes' }, placedLongerThan('T3', 21))
