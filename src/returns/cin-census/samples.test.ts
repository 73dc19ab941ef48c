import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { CollectionYear } from '../shared/collection-year.ts'
import { checkCinCensus } from './check.ts'
import { readCinCensusXml } from './read-xml.ts'
import type { Issue } from './types.ts'

// Runs the checker on the sample files of the shared specification folder (beside the repository)
// and compares with what the public data-to-insight validator reports for them.
const SPECS = fileURLToPath(new URL('../../../../shared/specs/cin-census/', import.meta.url))

function check(file: string, collectionYear: CollectionYear): Issue[] {
  return checkCinCensus(readCinCensusXml(readFileSync(`${SPECS}${file}`)), { collectionYear })
}

/**
 * The validator's report has one row per (child, field, table row) location, de-duplicated without
 * the table name, and header rows have the child "nan". Return-level rules are listed apart.
 */
function asValidatorReport(issues: readonly Issue[]) {
  const rows = new Map<string, Set<string>>()
  const children = new Map<string, Set<string>>()
  for (const issue of issues) {
    if (issue.table === null) continue
    for (const l of issue.locations) {
      const child = l.table === 'Header' ? 'nan' : (l.laChildId ?? 'nan')
      for (const field of l.fields) {
        if (!rows.has(issue.code)) rows.set(issue.code, new Set())
        rows.get(issue.code)?.add(`${child}|${field}|${l.row}`)
      }
      if (!children.has(issue.code)) children.set(issue.code, new Set())
      children.get(issue.code)?.add(child)
    }
  }
  return {
    rows: Object.fromEntries([...rows].map(([code, set]) => [code, set.size])),
    children: Object.fromEntries([...children].map(([code, set]) => [code, [...set].sort()])),
  }
}

// Deliberate differences, explained in the rule files.
const KNOWN_DIFFERENCES: Record<string, Record<string, number>> = {
  // 8565 also reports the child protection plan that ends after the closure date (the validator's
  // version never looks at plans), one location more than the validator's 4.
  CIN_Census_2024: { '8565': 5 },
}

describe('CIN census sample files', () => {
  it.each(['2024-25', '2025-26'] as const)(
    'finds nothing wrong in the valid 2024-25 sample with the %s rules',
    (year) => {
      expect(check('samples/CIN_sample_valid_2024_25.xml', year)).toEqual([])
    },
  )

  it.each(['2023-24', '2022-23'] as const)(
    'finds nothing wrong in the valid 2023-24 sample with the %s rules',
    (year) => {
      expect(check('samples/CIN_sample_valid_2023_24.xml', year)).toEqual([])
    },
  )

  it.each(['fake_CIN_data', 'CIN_Census_2024'])(
    'matches the validator on %s: same rules, same children, same row counts',
    (name) => {
      const expected = JSON.parse(
        readFileSync(`${SPECS}validator_sample_output/expected_${name}_cin2024_25.json`, 'utf8'),
      ) as { issue_rows_by_rule: Record<string, number>; children_by_rule: Record<string, string[]> }
      const report = asValidatorReport(check(`samples/validator_fake_data/${name}.xml`, '2024-25'))
      const expectedChildren = Object.fromEntries(
        Object.entries(expected.children_by_rule).map(([code, ids]) => [code, [...ids].sort()]),
      )
      expect(report.children).toEqual(expectedChildren)
      expect(report.rows).toEqual({ ...expected.issue_rows_by_rule, ...KNOWN_DIFFERENCES[name] })
    },
  )

  it('reports the return-level queries the validator lists apart', () => {
    // The fake data has GenderCurrent, not Sex, so every child lacks a sex under the 2024-25 rules.
    const issues = check('samples/validator_fake_data/fake_CIN_data.xml', '2024-25')
    expect(issues.filter((i) => i.table === null).map((i) => i.code)).toEqual(['2886Q'])
  })
})
