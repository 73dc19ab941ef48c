import { codesOf, defineRule, missingOrInvalid, rowRule } from './helpers.ts'

export const rule103 = defineRule(
  { code: '103', table: 'Header' },
  rowRule('Header', ['ETHNIC'], (r) => missingOrInvalid(r.ETHNIC, codesOf('ETHNIC'))),
)
