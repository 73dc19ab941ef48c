import { ge, lt } from '../../shared/dates.ts'
import { at, byChild, defineRule, eachPair, isFalseFlag, rowAt } from './helpers.ts'

// An episode referred on or after another episode's referral and before that one closed, or (when
// that one is open and led to further action) before the reference date. An episode may start on
// the day the previous one closed.
export const rule8820 = defineRule(
  {
    code: '8820',
    type: 'error',
    table: 'CINdetails',
    affectedFields: ['CINreferralDate', 'CINclosureDate'],
    message: 'The dates on the CIN episodes for this child overlap',
  },
  (t, ctx, report) => {
    const referred = byChild(t.CINdetails, (c) => c.CINreferralDate !== null)
    for (const rows of referred.values()) {
      eachPair(rows, (a, b) => {
        const start = rowAt(t.CINdetails, a).CINreferralDate
        const other = rowAt(t.CINdetails, b)
        const within =
          other.CINclosureDate !== null
            ? lt(start, other.CINclosureDate)
            : lt(start, ctx.referenceDate) && isFalseFlag(other.ReferralNFA)
        if (ge(start, other.CINreferralDate) && within)
          report(
            at('CINdetails', a, 'CINreferralDate'),
            at('CINdetails', b, 'CINreferralDate', 'CINclosureDate'),
          )
      })
    }
  },
)
