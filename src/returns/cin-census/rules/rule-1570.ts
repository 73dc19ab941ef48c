import { yearsFrom } from '../../shared/collection-year.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule1570 = defineRule(
  {
    code: '1570',
    type: 'error',
    table: 'ChildIdentifiers',
    affectedFields: ['LAchildID'],
    message: 'LA Child ID must not be longer than 20 characters',
    years: yearsFrom('2024-25'),
  },
  rowRule('ChildIdentifiers', ['LAchildID'], (r) => r.LAchildID !== null && [...r.LAchildID].length > 20),
)
