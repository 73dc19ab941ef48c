import { ceasedUnderAge, defineRule } from './helpers.ts'

// Stayed with the current carers at 18 or over (E17, staying put) before the 18th birthday.
export const rule460 = defineRule({ code: '460', table: 'Episodes' }, ceasedUnderAge(new Set(['E17']), 18))
