import { describe, expect, it } from 'vitest'
import { rule8555Q } from './rule-8555q.ts'
import { child, run, tables, where } from './test-tables.ts'

describe('rule 8555Q: referral after death', () => {
  it('queries a referral after the date of death', () => {
    expect(where(run(rule8555Q, tables([child({ PersonDeathDate: '2024-05-01' })])))).toEqual([
      'CINdetails:0:CINreferralDate | ChildIdentifiers:0:PersonDeathDate',
    ])
  })
  it('accepts a referral before the death', () => {
    expect(run(rule8555Q, tables([child({ PersonDeathDate: '2024-07-01' })]))).toEqual([])
  })
})
