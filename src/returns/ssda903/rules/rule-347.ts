import { birthdayInYear, defineRule, rowRule } from './helpers.ts'

// A foyer (T1, T2) at the 17th birthday. (The validator compares ACCOM with a bare "T", which no code is, and takes
// the age on 1 April, so it would catch an 18th birthday too.)
export const rule347 = defineRule(
  { code: '347', table: 'OC3' },
  rowRule(
    'OC3',
    ['ACCOM', 'DOB'],
    (r, ctx) =>
      (r.ACCOM ?? '').toUpperCase().startsWith('T') && r.DOB !== null && birthdayInYear(r.DOB, ctx).age < 18,
  ),
)
