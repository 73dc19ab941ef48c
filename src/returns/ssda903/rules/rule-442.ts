import { blank, defineRule, rowRule } from './helpers.ts'

export const rule442 = defineRule(
  { code: '442', table: 'Header' },
  rowRule('Header', ['UPN'], (r) => blank(r.UPN)),
)
