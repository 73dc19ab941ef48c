import { ge, le, lt } from '../../shared/dates.ts'
import { at, byChild, childKey, defineRule, rowAt, rowsOf } from './helpers.ts'

// A child protection plan starting while a CIN plan of the child is open: from its start up to
// (not on) its end date, or up to the reference date when it has none.
export const rule4017 = defineRule(
  {
    code: '4017',
    type: 'error',
    table: 'CINplanDates',
    affectedFields: ['CINPlanStartDate', 'CINPlanEndDate', 'CPPstartDate'],
    message: 'A CIN Plan has been reported as open at the same time as a Child Protection Plan.',
  },
  (t, ctx, report) => {
    const cinPlans = byChild(t.CINplanDates)
    t.ChildProtectionPlans.forEach((cpp, i) => {
      const start = cpp.CPPstartDate
      for (const p of rowsOf(cinPlans, childKey(cpp.LAchildID))) {
        const plan = rowAt(t.CINplanDates, p)
        const open =
          plan.CINPlanEndDate === null ? le(start, ctx.referenceDate) : lt(start, plan.CINPlanEndDate)
        if (ge(start, plan.CINPlanStartDate) && open)
          report(
            at('ChildProtectionPlans', i, 'CPPstartDate'),
            at('CINplanDates', p, 'CINPlanStartDate', 'CINPlanEndDate'),
          )
      }
    })
  },
)
