import { gt } from '../../shared/dates.ts'
import { at, byChild, childKey, defineRule, rowAt, rowsOf } from './helpers.ts'

export const rule8920 = defineRule(
  {
    code: '8920',
    type: 'error',
    table: 'ChildProtectionPlans',
    affectedFields: ['PersonDeathDate', 'CPPendDate'],
    message: 'Child Protection Plan cannot end after the child’s Date of Death',
  },
  (t, _ctx, report) => {
    const children = byChild(t.ChildIdentifiers, (c) => c.PersonDeathDate !== null)
    t.ChildProtectionPlans.forEach((p, i) => {
      for (const k of rowsOf(children, childKey(p.LAchildID))) {
        if (gt(p.CPPendDate, rowAt(t.ChildIdentifiers, k).PersonDeathDate))
          report(at('ChildProtectionPlans', i, 'CPPendDate'), at('ChildIdentifiers', k, 'PersonDeathDate'))
      }
    })
  },
)
