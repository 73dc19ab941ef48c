import { at, byCin, cinKey, defineRule, rowAt, rowsOf } from './helpers.ts'

// Within an episode: an open child protection plan and an open CIN plan.
export const rule4001 = defineRule(
  {
    code: '4001',
    type: 'error',
    table: 'CINplanDates',
    affectedFields: ['CINPlanEndDate', 'CPPendDate'],
    message: 'A CIN Plan cannot run concurrently with a Child Protection Plan',
  },
  (t, _ctx, report) => {
    const cinPlans = byCin(t.CINplanDates)
    t.ChildProtectionPlans.forEach((cpp, i) => {
      if (cpp.CPPendDate !== null) return
      for (const p of rowsOf(cinPlans, cinKey(cpp))) {
        const plan = rowAt(t.CINplanDates, p)
        if (plan.CINPlanStartDate !== null && plan.CINPlanEndDate === null)
          report(at('CINplanDates', p, 'CINPlanEndDate'), at('ChildProtectionPlans', i, 'CPPendDate'))
      }
    })
  },
)
