import { ETHNICITIES } from './code-lists.ts'
import { defineRule, missingOrInvalidCode, rowRule } from './helpers.ts'

export const rule4220 = defineRule(
  {
    code: '4220',
    type: 'error',
    table: 'ChildCharacteristics',
    affectedFields: ['Ethnicity'],
    message: 'Ethnicity is missing or invalid (see Ethnicity table)',
  },
  rowRule('ChildCharacteristics', ['Ethnicity'], (r) => missingOrInvalidCode(r.Ethnicity, ETHNICITIES)),
)
