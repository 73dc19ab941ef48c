import { addDays, lt } from '../../shared/dates.ts'
import { at, byChild, childKey, defineRule, rowAt, rowsOf } from './helpers.ts'

// 280 days = 40 weeks.
export const rule8606 = defineRule(
  {
    code: '8606',
    type: 'error',
    table: 'CINdetails',
    affectedFields: ['CINreferralDate', 'PersonBirthDate', 'ExpectedPersonBirthDate'],
    message: 'Child referral date is more than 40 weeks before DOB or expected DOB',
  },
  (t, _ctx, report) => {
    const children = byChild(t.ChildIdentifiers)
    t.CINdetails.forEach((c, i) => {
      for (const k of rowsOf(children, childKey(c.LAchildID))) {
        const child = rowAt(t.ChildIdentifiers, k)
        const tooEarly = (birth: string | null) =>
          birth !== null && lt(c.CINreferralDate, addDays(birth, -280))
        if (tooEarly(child.PersonBirthDate) || tooEarly(child.ExpectedPersonBirthDate))
          report(
            at('CINdetails', i, 'CINreferralDate'),
            at('ChildIdentifiers', k, 'PersonBirthDate', 'ExpectedPersonBirthDate'),
          )
      }
    })
  },
)
