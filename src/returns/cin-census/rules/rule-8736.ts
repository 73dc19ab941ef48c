import { defineRule, rowRule } from './helpers.ts'

// An incomplete assessment with no start date fails too, as in the validator.
export const rule8736 = defineRule(
  {
    code: '8736',
    type: 'error',
    table: 'Assessments',
    affectedFields: ['AssessmentAuthorisationDate', 'AssessmentActualStartDate'],
    message: 'For an Assessment that has not been completed, the start date must fall within the census year',
  },
  rowRule('Assessments', ['AssessmentAuthorisationDate', 'AssessmentActualStartDate'], (r, ctx) => {
    if (r.AssessmentAuthorisationDate !== null) return false
    const start = r.AssessmentActualStartDate
    return start === null || start < ctx.collectionStart || start > ctx.referenceDate
  }),
)
