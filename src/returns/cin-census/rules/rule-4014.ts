import { ge, le } from '../../shared/dates.ts'
import { at, byChild, defineRule, eachPair, rowAt } from './helpers.ts'

// A CIN plan starting on or after another plan of the child starts and no later than it ends (or,
// when that plan is open, no later than the reference date).
export const rule4014 = defineRule(
  {
    code: '4014',
    type: 'error',
    table: 'CINplanDates',
    affectedFields: ['CINPlanStartDate', 'CINPlanEndDate'],
    message: 'CIN Plan data contains overlapping dates',
  },
  (t, ctx, report) => {
    const plans = byChild(t.CINplanDates, (p) => p.CINPlanStartDate !== null)
    for (const rows of plans.values()) {
      eachPair(rows, (a, b) => {
        const start = rowAt(t.CINplanDates, a).CINPlanStartDate
        const other = rowAt(t.CINplanDates, b)
        const otherEnd = other.CINPlanEndDate ?? ctx.referenceDate
        if (ge(start, other.CINPlanStartDate) && le(start, otherEnd))
          report(
            at('CINplanDates', a, 'CINPlanStartDate'),
            at('CINplanDates', b, 'CINPlanStartDate', 'CINPlanEndDate'),
          )
      })
    }
  },
)
