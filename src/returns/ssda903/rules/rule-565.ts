import { blank, defineRule, present, rowRule } from './helpers.ts'

export const rule565 = defineRule(
  { code: '565', table: 'Missing' },
  rowRule('Missing', ['MISSING', 'MIS_START'], (r) => present(r.MIS_START) && blank(r.MISSING)),
)
