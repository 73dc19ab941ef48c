import { at, byCin, cinKey, defineRule, isTrueFlag, rowsOf } from './helpers.ts'

// The plans of the episode are flagged as whole rows. (The validator mixes up the row numbers of
// the two tables here.)
export const rule8832 = defineRule(
  {
    code: '8832',
    type: 'error',
    table: 'ChildProtectionPlans',
    affectedFields: ['CINdetailsID', 'ReferralNFA'],
    message: 'Child Protection details provided for a referral with no further action.',
  },
  (t, _ctx, report) => {
    const cpps = byCin(t.ChildProtectionPlans)
    t.CINdetails.forEach((c, i) => {
      if (!isTrueFlag(c.ReferralNFA)) return
      const plans = rowsOf(cpps, cinKey(c))
      if (plans.length > 0)
        report(
          at('CINdetails', i, 'ReferralNFA'),
          ...plans.map((p) => at('ChildProtectionPlans', p, 'LAchildID')),
        )
    })
  },
)
