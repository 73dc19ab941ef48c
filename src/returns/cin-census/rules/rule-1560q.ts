import { defineRule, rowRule } from './helpers.ts'

// As the validator: 13 characters, a letter then 12 digits. A temporary UPN (ending in a letter)
// given as the former UPN is therefore queried too.
export const rule1560Q = defineRule(
  {
    code: '1560Q',
    type: 'query',
    table: 'ChildIdentifiers',
    affectedFields: ['FormerUPN'],
    message: 'Please check and either amend or provide a reason: Former UPN wrongly formatted',
  },
  rowRule('ChildIdentifiers', ['FormerUPN'], (r) => {
    const upn = r.FormerUPN
    if (upn === null) return false
    return upn.length !== 13 || !/^\d+$/.test(upn.slice(1)) || !/^\p{L}$/u.test(upn.slice(0, 1))
  }),
)
