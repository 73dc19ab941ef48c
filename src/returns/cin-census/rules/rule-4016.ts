import { ge, le, lt } from '../../shared/dates.ts'
import { at, byChild, childKey, defineRule, rowAt, rowsOf } from './helpers.ts'

// A CIN plan starting while a child protection plan of the child is open: from its start up to
// (not on) its end date, or up to the reference date when it has none. Plans of every episode of
// the child are compared, as in the validator.
export const rule4016 = defineRule(
  {
    code: '4016',
    type: 'error',
    table: 'CINplanDates',
    affectedFields: ['CINPlanStartDate', 'CPPstartDate', 'CPPendDate'],
    message: 'A CIN Plan has been reported as open at the same time as a Child Protection Plan.',
  },
  (t, ctx, report) => {
    const cpps = byChild(t.ChildProtectionPlans)
    t.CINplanDates.forEach((plan, i) => {
      const start = plan.CINPlanStartDate
      for (const c of rowsOf(cpps, childKey(plan.LAchildID))) {
        const cpp = rowAt(t.ChildProtectionPlans, c)
        const open = cpp.CPPendDate === null ? le(start, ctx.referenceDate) : lt(start, cpp.CPPendDate)
        if (ge(start, cpp.CPPstartDate) && open)
          report(
            at('CINplanDates', i, 'CINPlanStartDate'),
            at('ChildProtectionPlans', c, 'CPPstartDate', 'CPPendDate'),
          )
      }
    })
  },
)
