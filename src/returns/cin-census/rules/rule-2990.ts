import { at, byCin, cinKey, defineRule, type Loc, rowsOf } from './helpers.ts'

const CLOSED_AFTER_ASSESSMENT = new Set(['RC8', 'RC9'])

// An episode closed as RC8/RC9 may not have a conference date, Section47, plan or CIN plan. As in
// the validator the modules are flagged as whole rows (LAchildID marks the row).
export const rule2990 = defineRule(
  {
    code: '2990',
    type: 'error',
    table: 'CINdetails',
    affectedFields: ['ReasonForClosure'],
    message:
      "Activity is recorded against a case marked as ‘Case closed after assessment, no further action’ or 'case closed after assessment, referred to early help'.",
  },
  (t, _ctx, report) => {
    const plans = byCin(t.ChildProtectionPlans)
    const s47 = byCin(t.Section47)
    const cinPlans = byCin(t.CINplanDates)
    t.CINdetails.forEach((c, i) => {
      if (c.ReasonForClosure === null || !CLOSED_AFTER_ASSESSMENT.has(c.ReasonForClosure)) return
      const key = cinKey(c)
      const activity: Loc[] = [
        ...rowsOf(plans, key).map((r) => at('ChildProtectionPlans', r, 'LAchildID')),
        ...rowsOf(cinPlans, key).map((r) => at('CINplanDates', r, 'LAchildID')),
        ...rowsOf(s47, key).map((r) => at('Section47', r, 'LAchildID')),
      ]
      if (c.DateOfInitialCPC !== null || activity.length > 0)
        report(at('CINdetails', i, 'DateOfInitialCPC'), ...activity)
    })
  },
)
