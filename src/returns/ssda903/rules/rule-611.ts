import { blank, defineRule, rowRule } from './helpers.ts'

export const rule611 = defineRule(
  { code: '611', table: 'Header' },
  rowRule('Header', ['MOTHER', 'MC_DOB'], (r) => r.MOTHER === '1' && blank(r.MC_DOB)),
)
