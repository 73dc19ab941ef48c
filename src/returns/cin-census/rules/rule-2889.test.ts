import { describe, expect, it } from 'vitest'
import { rule2889 } from './rule-2889.ts'
import { childWith, run, tables, where } from './test-tables.ts'

describe('rule 2889: S47 before referral', () => {
  it('flags an enquiry starting before the referral', () => {
    const t = tables([childWith({ section47: [{ S47ActualStartDate: '2024-06-01' }] })])
    expect(where(run(rule2889, t))).toEqual(['Section47:0:S47ActualStartDate | CINdetails:0:CINreferralDate'])
  })
  it('accepts an enquiry starting after the referral', () => {
    const t = tables([childWith({ section47: [{ S47ActualStartDate: '2024-06-04' }] })])
    expect(run(rule2889, t)).toEqual([])
  })
})
