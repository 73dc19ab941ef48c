import { blank, defineRule, present, rowRule } from './helpers.ts'

export const rule612 = defineRule(
  { code: '612', table: 'Header' },
  rowRule(
    'Header',
    ['SEX', 'MOTHER', 'MC_DOB'],
    (r) => r.SEX === 'F' && (r.MOTHER === '0' || blank(r.MOTHER)) && present(r.MC_DOB),
  ),
)
