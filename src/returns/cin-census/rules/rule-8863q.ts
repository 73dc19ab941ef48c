import { ge, le } from '../../shared/dates.ts'
import { at, byCin, defineRule, eachPair, rowAt } from './helpers.ts'

// Within an episode, an assessment starting on or after another's start and on or before its
// authorisation (or the reference date when it is not authorised). Identical assessments are not
// compared with each other, as in the validator.
export const rule8863Q = defineRule(
  {
    code: '8863Q',
    type: 'query',
    table: 'Assessments',
    affectedFields: ['AssessmentActualStartDate', 'AssessmentAuthorisationDate'],
    message: 'An Assessment is shown as starting when there is another Assessment ongoing.',
  },
  (t, ctx, report) => {
    const started = byCin(t.Assessments, (a) => a.AssessmentActualStartDate !== null)
    for (const rows of started.values()) {
      eachPair(rows, (a, b) => {
        const one = rowAt(t.Assessments, a)
        const other = rowAt(t.Assessments, b)
        if (
          one.AssessmentActualStartDate === other.AssessmentActualStartDate &&
          one.AssessmentAuthorisationDate === other.AssessmentAuthorisationDate
        )
          return
        const start = one.AssessmentActualStartDate
        const end = other.AssessmentAuthorisationDate ?? ctx.referenceDate
        if (ge(start, other.AssessmentActualStartDate) && le(start, end))
          report(
            at('Assessments', a, 'AssessmentActualStartDate'),
            at('Assessments', b, 'AssessmentActualStartDate', 'AssessmentAuthorisationDate'),
          )
      })
    }
  },
)
