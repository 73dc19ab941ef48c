import { ge, lt } from '../../shared/dates.ts'
import { at, byChild, childKey, cppKey, defineRule, indexBy, rowAt, rowsOf } from './helpers.ts'

// A review date inside a CIN plan (start inclusive, end exclusive) of the same child, unless it is
// the plan's end date. As in the validator this only applies to plans with an end date, CIN plans
// of any episode of the child are compared, and only ended child protection plans are checked.
// Reviews are matched to their own plan (the validator matches on CPPID alone, across episodes).
export const rule4003 = defineRule(
  {
    code: '4003',
    type: 'error',
    table: 'Reviews',
    affectedFields: ['CINPlanStartDate', 'CINPlanEndDate', 'CPPreviewDate'],
    message: 'A CPP review date is shown as being held at the same time as an open CIN Plan.',
  },
  (t, _ctx, report) => {
    const plansByCpp = indexBy(t.ChildProtectionPlans, cppKey)
    const cinPlans = byChild(t.CINplanDates)
    t.Reviews.forEach((r, i) => {
      if (r.CPPreviewDate === null) return
      for (const c of rowsOf(plansByCpp, cppKey(r))) {
        const end = rowAt(t.ChildProtectionPlans, c).CPPendDate
        if (end === null || end === r.CPPreviewDate) continue
        for (const p of rowsOf(cinPlans, childKey(r.LAchildID))) {
          const plan = rowAt(t.CINplanDates, p)
          if (ge(r.CPPreviewDate, plan.CINPlanStartDate) && lt(r.CPPreviewDate, plan.CINPlanEndDate))
            report(
              at('Reviews', i, 'CPPreviewDate'),
              at('CINplanDates', p, 'CINPlanStartDate'),
              at('ChildProtectionPlans', c, 'CPPendDate'),
            )
        }
      }
    })
  },
)
