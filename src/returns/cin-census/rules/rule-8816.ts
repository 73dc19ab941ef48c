import { at, byChild, childKey, defineRule, isFalseFlag, rowAt } from './helpers.ts'

// An open episode that led to further action must be the child's latest referral. The latest is the
// first episode with the latest referral date, so a second open episode on the same date is
// flagged, as in the validator.
export const rule8816 = defineRule(
  {
    code: '8816',
    type: 'error',
    table: 'CINdetails',
    affectedFields: ['CINreferralDate', 'ReferralNFA'],
    message:
      'An open CIN episode is shown and case is not a referral with no further action, but it is not the latest episode.',
  },
  (t, _ctx, report) => {
    const referred = byChild(t.CINdetails, (c) => c.CINreferralDate !== null)
    const latest = new Map<string, number>()
    for (const [key, rows] of referred) {
      let best = rows[0] as number
      for (const i of rows) {
        if (
          (rowAt(t.CINdetails, i).CINreferralDate ?? '') > (rowAt(t.CINdetails, best).CINreferralDate ?? '')
        )
          best = i
      }
      latest.set(key, best)
    }
    t.CINdetails.forEach((c, i) => {
      if (c.CINreferralDate === null || c.CINclosureDate !== null || !isFalseFlag(c.ReferralNFA)) return
      const best = latest.get(childKey(c.LAchildID))
      if (best !== undefined && best !== i)
        report(at('CINdetails', i, 'CINreferralDate'), at('CINdetails', best, 'CINreferralDate'))
    })
  },
)
