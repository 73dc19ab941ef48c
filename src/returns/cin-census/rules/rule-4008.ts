import { gt } from '../../shared/dates.ts'
import { at, byChild, childKey, defineRule, rowAt, rowsOf } from './helpers.ts'

export const rule4008 = defineRule(
  {
    code: '4008',
    type: 'error',
    table: 'ChildIdentifiers',
    affectedFields: ['PersonDeathDate', 'CINPlanStartDate'],
    message: 'CIN Plan shown as starting after the child’s Date of Death.',
  },
  (t, _ctx, report) => {
    const plans = byChild(t.CINplanDates)
    t.ChildIdentifiers.forEach((child, i) => {
      if (child.PersonDeathDate === null) return
      for (const p of rowsOf(plans, childKey(child.LAchildID))) {
        if (gt(rowAt(t.CINplanDates, p).CINPlanStartDate, child.PersonDeathDate))
          report(at('CINplanDates', p, 'CINPlanStartDate'), at('ChildIdentifiers', i, 'PersonDeathDate'))
      }
    })
  },
)
