import { gt } from '../../shared/dates.ts'
import { at, byChild, childKey, defineRule, rowAt, rowsOf } from './helpers.ts'

export const rule4009Q = defineRule(
  {
    code: '4009Q',
    type: 'query',
    table: 'ChildIdentifiers',
    affectedFields: ['PersonDeathDate', 'CINPlanEndDate'],
    message: 'CIN Plan cannot end after the child’s Date of Death',
  },
  (t, _ctx, report) => {
    const plans = byChild(t.CINplanDates)
    t.ChildIdentifiers.forEach((child, i) => {
      if (child.PersonDeathDate === null) return
      for (const p of rowsOf(plans, childKey(child.LAchildID))) {
        if (gt(rowAt(t.CINplanDates, p).CINPlanEndDate, child.PersonDeathDate))
          report(at('CINplanDates', p, 'CINPlanEndDate'), at('ChildIdentifiers', i, 'PersonDeathDate'))
      }
    })
  },
)
