import { describe, expect, it } from 'vitest'
import { rule8606 } from './rule-8606.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 8606: referral more than 40 weeks before birth', () => {
  // 280 days before 1 January 2025 is 27 March 2024.
  it('flags a referral more than 280 days before the (expected) birth', () => {
    const t = tables([
      childWith({ CINreferralDate: '2024-03-26' }, { PersonBirthDate: '2025-01-01' }),
      childWith(
        { CINreferralDate: '2024-03-26' },
        { LAchildID: 'C2', PersonBirthDate: null, ExpectedPersonBirthDate: '2025-01-01' },
      ),
    ])
    expect(where(run(rule8606, t))).toEqual([
      'CINdetails:0:CINreferralDate | ChildIdentifiers:0:PersonBirthDate+ExpectedPersonBirthDate',
      'CINdetails:1:CINreferralDate | ChildIdentifiers:1:PersonBirthDate+ExpectedPersonBirthDate',
    ])
  })
  it('accepts exactly 280 days', () => {
    expect(
      run(
        rule8606,
        tables([childWith({ CINreferralDate: '2024-03-27' }, { PersonBirthDate: '2025-01-01' })]),
      ),
    ).toEqual([])
  })
})
