import { isValidUpnLastCharacter } from '../../shared/upn.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule1550 = defineRule(
  {
    code: '1550',
    type: 'error',
    table: 'ChildIdentifiers',
    affectedFields: ['UPN'],
    message: 'UPN invalid (character 13 not a recognised value)',
  },
  rowRule(
    'ChildIdentifiers',
    ['UPN'],
    (r) => r.UPN !== null && r.UPN.length === 13 && !isValidUpnLastCharacter(r.UPN.slice(12)),
  ),
)
