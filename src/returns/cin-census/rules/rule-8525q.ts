import { defineRule, rowRule } from './helpers.ts'

export const rule8525Q = defineRule(
  {
    code: '8525Q',
    type: 'query',
    table: 'ChildIdentifiers',
    affectedFields: ['PersonBirthDate', 'ExpectedPersonBirthDate'],
    message: 'Either Date of Birth or Expected Date of Birth must be provided (but not both)',
  },
  rowRule(
    'ChildIdentifiers',
    ['PersonBirthDate', 'ExpectedPersonBirthDate'],
    (r) => (r.PersonBirthDate === null) === (r.ExpectedPersonBirthDate === null),
  ),
)
