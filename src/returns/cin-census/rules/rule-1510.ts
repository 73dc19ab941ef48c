import { upnCheckLetter } from '../../shared/upn.ts'
import { defineRule, rowRule } from './helpers.ts'

// Only UPNs of 13 characters whose characters 2-13 are digits can be checked; others fail 1540/1550.
export const rule1510 = defineRule(
  {
    code: '1510',
    type: 'error',
    table: 'ChildIdentifiers',
    affectedFields: ['UPN'],
    message: 'UPN invalid (wrong check letter at character 1)',
  },
  rowRule('ChildIdentifiers', ['UPN'], (r) => {
    if (r.UPN === null) return false
    const letter = upnCheckLetter(r.UPN)
    return letter !== null && letter !== r.UPN[0]
  }),
)
