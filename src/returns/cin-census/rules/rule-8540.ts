import { DISABILITIES } from './code-lists.ts'
import { at, byChild, childKey, defineRule, isFalseFlag, rowAt, rowsOf } from './helpers.ts'

// For a born child with a referral that went on to further action, every Disability must be a valid
// code and at least one must be given.
export const rule8540 = defineRule(
  {
    code: '8540',
    type: 'error',
    table: 'ChildCharacteristics',
    affectedFields: ['Disability', 'PersonBirthDate', 'ReferralNFA'],
    message: 'Child’s disability is missing or invalid (see Disability table)',
  },
  (t, _ctx, report) => {
    const episodes = byChild(t.CINdetails, (c) => isFalseFlag(c.ReferralNFA))
    const disabilities = byChild(t.Disabilities)
    t.ChildIdentifiers.forEach((child, i) => {
      if (child.PersonBirthDate === null) return
      const key = childKey(child.LAchildID)
      const furtherAction = rowsOf(episodes, key)
      if (furtherAction.length === 0) return
      const born = at('ChildIdentifiers', i, 'PersonBirthDate')
      const referrals = furtherAction.map((c) => at('CINdetails', c, 'ReferralNFA'))
      const rows = rowsOf(disabilities, key)
      if (rows.length === 0) {
        report(born, ...referrals)
        return
      }
      for (const d of rows) {
        const code = rowAt(t.Disabilities, d).Disability
        if (code === null || !DISABILITIES.has(code))
          report(at('Disabilities', d, 'Disability'), born, ...referrals)
      }
    })
  },
)
