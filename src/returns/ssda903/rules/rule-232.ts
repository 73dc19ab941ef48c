import { defineRule, rowRule } from './helpers.ts'

export const rule232 = defineRule(
  { code: '232', table: 'Header', type: 'query' },
  rowRule('Header', ['SEX'], (r) => r.SEX === 'U'),
)
