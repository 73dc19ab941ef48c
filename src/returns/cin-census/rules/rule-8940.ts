import { ge, le } from '../../shared/dates.ts'
import { at, byChild, defineRule, eachPair, rowAt } from './helpers.ts'

// A plan starting on or after another plan of the child starts and no later than it ends (or the
// reference date when it is open). Every other plan is compared (the validator skips plans with the
// same CPPID, i.e. the first plans of two episodes).
export const rule8940 = defineRule(
  {
    code: '8940',
    type: 'error',
    table: 'ChildProtectionPlans',
    affectedFields: ['CPPstartDate', 'CPPendDate'],
    message: 'Child Protection Plan data contains overlapping dates',
  },
  (t, ctx, report) => {
    const plans = byChild(t.ChildProtectionPlans, (p) => p.CPPstartDate !== null)
    for (const rows of plans.values()) {
      eachPair(rows, (a, b) => {
        const start = rowAt(t.ChildProtectionPlans, a).CPPstartDate
        const other = rowAt(t.ChildProtectionPlans, b)
        if (ge(start, other.CPPstartDate) && le(start, other.CPPendDate ?? ctx.referenceDate))
          report(
            at('ChildProtectionPlans', a, 'CPPstartDate'),
            at('ChildProtectionPlans', b, 'CPPstartDate', 'CPPendDate'),
          )
      })
    }
  },
)
