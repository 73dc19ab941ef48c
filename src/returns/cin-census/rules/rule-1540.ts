import { defineRule, rowRule } from './helpers.ts'

// A UPN too short to have characters 5-12 fails too, as in the validator.
export const rule1540 = defineRule(
  {
    code: '1540',
    type: 'error',
    table: 'ChildIdentifiers',
    affectedFields: ['UPN'],
    message: 'UPN invalid (characters 5-12 not all numeric)',
  },
  rowRule('ChildIdentifiers', ['UPN'], (r) => r.UPN !== null && !/^\d+$/.test(r.UPN.slice(4, 12))),
)
