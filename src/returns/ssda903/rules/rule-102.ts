import { blank, defineRule, rowRule } from './helpers.ts'

// A date the tables could not read is blank here, so a blank date of birth is what this rule can find.
export const rule102 = defineRule(
  { code: '102', table: 'Header' },
  rowRule('Header', ['DOB'], (r) => blank(r.DOB)),
)
