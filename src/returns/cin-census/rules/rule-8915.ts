import { gt } from '../../shared/dates.ts'
import { at, byChild, childKey, defineRule, rowAt, rowsOf } from './helpers.ts'

export const rule8915 = defineRule(
  {
    code: '8915',
    type: 'error',
    table: 'ChildProtectionPlans',
    affectedFields: ['CPPstartDate', 'PersonDeathDate'],
    message: 'Child Protection Plan shown as starting after the child’s Date of Death',
  },
  (t, _ctx, report) => {
    const children = byChild(t.ChildIdentifiers, (c) => c.PersonDeathDate !== null)
    t.ChildProtectionPlans.forEach((p, i) => {
      for (const k of rowsOf(children, childKey(p.LAchildID))) {
        if (gt(p.CPPstartDate, rowAt(t.ChildIdentifiers, k).PersonDeathDate))
          report(at('ChildProtectionPlans', i, 'CPPstartDate'), at('ChildIdentifiers', k, 'PersonDeathDate'))
      }
    })
  },
)
