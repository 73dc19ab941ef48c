import { describe, expect, it } from 'vitest'
import { checkCinCensus, compareRuleCodes, makeContext, rulesFor } from './check.ts'
import { child, childWith, tables } from './rules/test-tables.ts'
import { buildCinCensusTables } from './tables.ts'

describe('checkCinCensus', () => {
  it('sorts issues by child, then rule, with whole-return issues first', () => {
    const t = tables([
      child({ LAchildID: 'B', Sex: null, Ethnicity: null }),
      childWith({ ReferralSource: null }, { LAchildID: 'A', Sex: 'X' }),
    ])
    const issues = checkCinCensus(t, { collectionYear: '2024-25' })
    expect(issues.map((i) => `${i.laChildId}:${i.code}`)).toEqual([
      'null:2886Q',
      'null:2887Q',
      'A:1520',
      'A:4180',
      'A:8866',
      'B:1520',
      'B:4180',
      'B:4220',
    ])
  })

  it('runs only the rules of the collection year, or the ones asked for', () => {
    const t = tables([child({ LAchildID: 'child_with_an_overlong_id' })])
    const codes = (year: '2023-24' | '2024-25') =>
      checkCinCensus(t, { collectionYear: year }).map((i) => i.code)
    expect(codes('2024-25')).toContain('1580')
    expect(codes('2023-24')).not.toContain('1580')
    expect(checkCinCensus(t, { rules: ['1570'] }).map((i) => i.code)).toEqual(['1570'])
    expect(rulesFor('2023-24')).toHaveLength(105)
    expect(rulesFor('2025-26')).toHaveLength(109)
  })

  it('takes the census period from the header, or from the collection year without one', () => {
    expect(makeContext(tables([]), '2024-25')).toEqual({
      collectionYear: '2024-25',
      referenceDate: '2025-03-31',
      collectionStart: '2024-04-01',
    })
    const headerless = buildCinCensusTables({ children: [] })
    expect(makeContext(headerless, '2025-26')).toMatchObject({
      referenceDate: '2026-03-31',
      collectionStart: '2025-04-01',
    })
  })

  it('orders rule codes numerically', () => {
    expect(['8500', '100', '2886Q', '1103'].sort(compareRuleCodes)).toEqual(['100', '1103', '2886Q', '8500'])
  })
})
