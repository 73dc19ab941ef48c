import { at, byChild, defineRule, isFalseFlag, reportGroup } from './helpers.ts'

// More than one open episode (no closure date) that is not a referral with no further action; those
// episodes are flagged (the validator also flags the child's open NFA episodes).
export const rule8815 = defineRule(
  {
    code: '8815',
    type: 'error',
    table: 'CINdetails',
    affectedFields: ['ReferralNFA', 'CINclosureDate'],
    message:
      'More than one open CIN Details episode (a module with no CIN Closure Date) has been provided for this child and case is not a referral with no further action.',
  },
  (t, _ctx, report) => {
    const open = byChild(t.CINdetails, (c) => c.CINclosureDate === null && isFalseFlag(c.ReferralNFA))
    for (const rows of open.values()) {
      if (rows.length > 1)
        reportGroup(
          report,
          rows.map((i) => at('CINdetails', i, 'CINclosureDate')),
        )
    }
  },
)
