import { addYears, gt, lt } from '../../shared/dates.ts'
import { at, byChild, childKey, defineRule, rowAt, rowsOf } from './helpers.ts'

// Born more than 25 years before the reference date, with an episode still open or closed after the
// 25th birthday.
export const rule8775Q = defineRule(
  {
    code: '8775Q',
    type: 'query',
    table: 'ChildIdentifiers',
    affectedFields: ['PersonBirthDate', 'CINclosureDate'],
    message: 'Please check and either amend data or provide a reason: Child is over 25 years old',
  },
  (t, ctx, report) => {
    const episodes = byChild(t.CINdetails)
    t.ChildIdentifiers.forEach((r, i) => {
      const born = r.PersonBirthDate
      if (born === null || !lt(born, addYears(ctx.referenceDate, -25))) return
      const birthday25 = addYears(born, 25)
      const late = rowsOf(episodes, childKey(r.LAchildID)).filter((c) => {
        const closed = rowAt(t.CINdetails, c).CINclosureDate
        return closed === null || gt(closed, birthday25)
      })
      if (late.length > 0)
        report(
          at('ChildIdentifiers', i, 'PersonBirthDate'),
          ...late.map((c) => at('CINdetails', c, 'CINclosureDate')),
        )
    })
  },
)
