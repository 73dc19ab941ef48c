import { gt } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

// A child who died before the expected date of birth (an unborn child) is not queried.
export const rule8535Q = defineRule(
  {
    code: '8535Q',
    type: 'query',
    table: 'ChildIdentifiers',
    affectedFields: ['PersonDeathDate', 'PersonBirthDate'],
    message:
      'Please check and either amend data or provide a reason: Child’s date of death should not be prior to the date of birth',
  },
  rowRule('ChildIdentifiers', ['PersonDeathDate', 'PersonBirthDate'], (r) => {
    const died = r.PersonDeathDate
    if (died === null || gt(r.ExpectedPersonBirthDate, died)) return false
    return r.PersonBirthDate === null || r.PersonBirthDate > died
  }),
)
