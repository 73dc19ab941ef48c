import { codesOf, defineRule, invalidCode, rowRule } from './helpers.ts'

export const rule631 = defineRule(
  { code: '631', table: 'PrevPerm' },
  rowRule('PrevPerm', ['PREV_PERM'], (r) => invalidCode(r.PREV_PERM, codesOf('PREV_PERM'))),
)
