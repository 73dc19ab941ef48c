import { defineRule, present, rowRule } from './helpers.ts'

export const rule174 = defineRule(
  { code: '174', table: 'Header' },
  rowRule('Header', ['MC_DOB', 'SEX'], (r) => present(r.MC_DOB) && r.SEX === 'M'),
)
