import { at, byCin, cinKey, defineRule, isTrueFlag, rowsOf } from './helpers.ts'

export const rule4000 = defineRule(
  {
    code: '4000',
    type: 'error',
    table: 'CINplanDates',
    affectedFields: ['ReferralNFA'],
    message: 'CIN Plan details provided for a referral with no further action',
  },
  (t, _ctx, report) => {
    const cinPlans = byCin(t.CINplanDates)
    t.CINdetails.forEach((c, i) => {
      if (!isTrueFlag(c.ReferralNFA)) return
      const plans = rowsOf(cinPlans, cinKey(c))
      if (plans.length > 0)
        report(at('CINdetails', i, 'ReferralNFA'), ...plans.map((p) => at('CINplanDates', p, 'LAchildID')))
    })
  },
)
