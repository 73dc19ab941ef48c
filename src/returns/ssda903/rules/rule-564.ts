import { blank, defineRule, present, rowRule } from './helpers.ts'

export const rule564 = defineRule(
  { code: '564', table: 'Missing' },
  rowRule('Missing', ['MISSING', 'MIS_START'], (r) => present(r.MISSING) && blank(r.MIS_START)),
)
