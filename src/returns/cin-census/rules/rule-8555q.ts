import { gt } from '../../shared/dates.ts'
import { at, byChild, childKey, defineRule, rowAt, rowsOf } from './helpers.ts'

export const rule8555Q = defineRule(
  {
    code: '8555Q',
    type: 'query',
    table: 'CINdetails',
    affectedFields: ['PersonDeathDate', 'CINreferralDate'],
    message: 'Child cannot be referred after its recorded date of death',
  },
  (t, _ctx, report) => {
    const episodes = byChild(t.CINdetails)
    t.ChildIdentifiers.forEach((child, i) => {
      if (child.PersonDeathDate === null) return
      for (const c of rowsOf(episodes, childKey(child.LAchildID))) {
        if (gt(rowAt(t.CINdetails, c).CINreferralDate, child.PersonDeathDate))
          report(at('CINdetails', c, 'CINreferralDate'), at('ChildIdentifiers', i, 'PersonDeathDate'))
      }
    })
  },
)
