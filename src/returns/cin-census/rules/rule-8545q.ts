import { outside } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule8545Q = defineRule(
  {
    code: '8545Q',
    type: 'query',
    table: 'ChildIdentifiers',
    affectedFields: ['PersonDeathDate'],
    message:
      "Please check and either amend data or provide a reason: Child's date of death should be within the census year",
  },
  rowRule('ChildIdentifiers', ['PersonDeathDate'], (r, ctx) =>
    outside(r.PersonDeathDate, ctx.collectionStart, ctx.referenceDate),
  ),
)
