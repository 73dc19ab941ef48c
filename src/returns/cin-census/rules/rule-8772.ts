import { at, byChild, childKey, defineRule, isTrueFlag, rowAt, rowsOf } from './helpers.ts'

// UN7 (referral with no further action) while an episode of the child is not flagged as NFA. A child
// with UN7 and no episodes at all is flagged too, as in the validator.
export const rule8772 = defineRule(
  {
    code: '8772',
    type: 'error',
    table: 'ChildIdentifiers',
    affectedFields: ['UPNunknown', 'ReferralNFA'],
    message:
      'UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details is a referral going on to further action',
  },
  (t, _ctx, report) => {
    const episodes = byChild(t.CINdetails)
    t.ChildIdentifiers.forEach((r, i) => {
      if (r.UPNunknown !== 'UN7') return
      const all = rowsOf(episodes, childKey(r.LAchildID))
      const furtherAction = all.filter((c) => !isTrueFlag(rowAt(t.CINdetails, c).ReferralNFA))
      if (all.length === 0 || furtherAction.length > 0)
        report(
          at('ChildIdentifiers', i, 'UPNunknown'),
          ...furtherAction.map((c) => at('CINdetails', c, 'ReferralNFA')),
        )
    })
  },
)
