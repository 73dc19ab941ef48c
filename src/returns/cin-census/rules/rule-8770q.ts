import { addDays, addMonths, addYears, le } from '../../shared/dates.ts'
import { UPN_UNKNOWN_SCHOOL_AGE, usesGenderCurrent } from './code-lists.ts'
import { at, byChild, childKey, defineRule, isFalseFlag } from './helpers.ts'

// A child of school age with a referral that went on to further action needs a UPN or a reason
// (UN2-UN7) for not having one. From 2024-25 "school age" means born on or before 31 August six
// years before the school year that starts after the reference date (reference date + 4 months +
// 31 days, minus 6 years, as the validator); before, born on or before the reference date minus
// 6 years.
export const rule8770Q = defineRule(
  {
    code: '8770Q',
    type: 'query',
    table: 'ChildIdentifiers',
    affectedFields: ['UPNunknown', 'UPNunknown'],
    message:
      'Please check and either amend data or provide a reason: UPN is missing or reason UPN is missing or is UN1 for a child who is of school age.',
    earlier: {
      '2022-23': {
        message:
          'Please check and either amend data or provide a reason: UPN or reason UPN missing expected for a child who is more than 5 years old',
        affectedFields: ['UPNunknown', 'UPNunknown'],
      },
      '2023-24': {
        message:
          'Please check and either amend data or provide a reason: UPN or reason UPN missing expected for a child who is more than 5 years old',
        affectedFields: ['UPNunknown', 'UPNunknown'],
      },
    },
  },
  (t, ctx, report) => {
    const cutoff = usesGenderCurrent(ctx.collectionYear)
      ? addYears(ctx.referenceDate, -6)
      : addYears(addDays(addMonths(ctx.referenceDate, 4), 31), -6)
    const furtherAction = byChild(t.CINdetails, (c) => isFalseFlag(c.ReferralNFA))
    t.ChildIdentifiers.forEach((r, i) => {
      if (!le(r.PersonBirthDate, cutoff) || !furtherAction.has(childKey(r.LAchildID))) return
      const reason = r.UPNunknown?.toUpperCase() ?? null
      if (r.UPN === null && (reason === null || !UPN_UNKNOWN_SCHOOL_AGE.has(reason)))
        report(at('ChildIdentifiers', i, 'UPN', 'UPNunknown'))
    })
  },
)
