import { gt } from '../../shared/dates.ts'
import { at, byCin, cinKey, defineRule, type Loc, rowAt, rowsOf } from './helpers.ts'

// Activity dated after the episode's closure date. The validator's version never looks at the
// child protection plans (it checks left-over test data in their place), so a CPPendDate after
// closure is reported here but not by it.
export const rule8565 = defineRule(
  {
    code: '8565',
    type: 'error',
    table: 'ChildProtectionPlans',
    affectedFields: [
      'CINclosureDate',
      'DateOfInitialCPC',
      'AssessmentActualStartDate',
      'AssessmentAuthorisationDate',
      'S47ActualStartDate',
      'CPPendDate',
      'CINPlanStartDate',
      'CINPlanEndDate',
    ],
    message: 'Activity shown after a case has been closed',
  },
  (t, _ctx, report) => {
    const assessments = byCin(t.Assessments)
    const s47 = byCin(t.Section47)
    const cpps = byCin(t.ChildProtectionPlans)
    const plans = byCin(t.CINplanDates)
    t.CINdetails.forEach((c, i) => {
      const closed = c.CINclosureDate
      if (closed === null) return
      const key = cinKey(c)
      const after = (d: string | null) => gt(d, closed)
      const late: Loc[] = []
      for (const a of rowsOf(assessments, key)) {
        const row = rowAt(t.Assessments, a)
        if (after(row.AssessmentActualStartDate) || after(row.AssessmentAuthorisationDate))
          late.push(at('Assessments', a, 'AssessmentActualStartDate', 'AssessmentAuthorisationDate'))
      }
      for (const s of rowsOf(s47, key)) {
        const row = rowAt(t.Section47, s)
        if (after(row.S47ActualStartDate) || after(row.DateOfInitialCPC))
          late.push(at('Section47', s, 'S47ActualStartDate', 'DateOfInitialCPC'))
      }
      for (const p of rowsOf(cpps, key)) {
        if (after(rowAt(t.ChildProtectionPlans, p).CPPendDate))
          late.push(at('ChildProtectionPlans', p, 'CPPendDate'))
      }
      for (const p of rowsOf(plans, key)) {
        const row = rowAt(t.CINplanDates, p)
        if (after(row.CINPlanStartDate) || after(row.CINPlanEndDate))
          late.push(at('CINplanDates', p, 'CINPlanStartDate', 'CINPlanEndDate'))
      }
      if (after(c.DateOfInitialCPC) || late.length > 0)
        report(at('CINdetails', i, 'CINclosureDate', 'DateOfInitialCPC'), ...late)
    })
  },
)
