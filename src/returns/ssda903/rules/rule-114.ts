import { defineRule, invalidCode, rowRule } from './helpers.ts'

const FLAGS: ReadonlySet<string> = new Set(['0', '1'])

export const rule114 = defineRule(
  { code: '114', table: 'AD1' },
  rowRule('AD1', ['FOSTER_CARE'], (r) => invalidCode(r.FOSTER_CARE, FLAGS)),
)
