import { yearsFrom } from '../../shared/collection-year.ts'
import { defineRule, rowRule } from './helpers.ts'

// Letters and digits in any script count as alphanumeric, as Python's str.isalnum.
export const rule1580 = defineRule(
  {
    code: '1580',
    type: 'error',
    table: 'ChildIdentifiers',
    affectedFields: ['LAchildID'],
    message: 'LA Child ID must not contain any non-alphanumeric characters',
    years: yearsFrom('2024-25'),
  },
  rowRule(
    'ChildIdentifiers',
    ['LAchildID'],
    (r) => r.LAchildID !== null && !/^[\p{L}\p{N}]+$/u.test(r.LAchildID),
  ),
)
