import { blank, defineRule, present, rowRule } from './helpers.ts'

export const rule566 = defineRule(
  { code: '566', table: 'Missing' },
  rowRule('Missing', ['MISSING', 'MIS_END'], (r) => present(r.MIS_END) && blank(r.MISSING)),
)
