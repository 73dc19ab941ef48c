import { UPN_LA_CODES_2022_23, UPN_LA_CODES_FROM_2023_24 } from '../../shared/upn.ts'
import { defineRule, rowRule } from './helpers.ts'

// 942 and 943 became valid from 2023-24.
export const rule1530 = defineRule(
  {
    code: '1530',
    type: 'error',
    table: 'ChildIdentifiers',
    affectedFields: ['UPN'],
    message: 'UPN invalid (characters 2-4 not a recognised LA code)',
  },
  rowRule('ChildIdentifiers', ['UPN'], (r, ctx) => {
    if (r.UPN === null || r.UPN.length !== 13) return false
    const codes = ctx.collectionYear === '2022-23' ? UPN_LA_CODES_2022_23 : UPN_LA_CODES_FROM_2023_24
    return !codes.has(r.UPN.slice(1, 4))
  }),
)
