import { defineRule, rowRule } from './helpers.ts'

export const rule8500 = defineRule(
  {
    code: '8500',
    type: 'error',
    table: 'ChildIdentifiers',
    affectedFields: ['LAchildID'],
    message: 'LA Child ID missing',
  },
  rowRule('ChildIdentifiers', ['LAchildID'], (r) => r.LAchildID === null),
)
