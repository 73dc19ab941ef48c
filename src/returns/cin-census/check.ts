import { COLLECTION_YEARS, type CollectionYear, CURRENT_COLLECTION_YEAR } from '../shared/collection-year.ts'
import { makeContext } from './context.ts'
import { CIN_RULES } from './rules/index.ts'
import type { CinCensusTables } from './tables.ts'
import type { CinRule, Issue } from './types.ts'

export { makeContext }

export const CIN_CENSUS_YEARS: readonly CollectionYear[] = COLLECTION_YEARS

export interface CheckOptions {
  collectionYear?: CollectionYear
  /** Run only these rule codes (default: every rule in force for the year). */
  rules?: readonly string[]
}

export function rulesFor(collectionYear: CollectionYear): CinRule[] {
  return CIN_RULES.filter((rule) => !rule.years || rule.years.includes(collectionYear))
}

/** Sorts codes as numbers first, then by suffix: 100, 1103, ..., 2886Q, ..., 8950Q. */
export function compareRuleCodes(a: string, b: string): number {
  const na = Number.parseInt(a, 10)
  const nb = Number.parseInt(b, 10)
  return na !== nb ? na - nb : a.localeCompare(b)
}

function compareIssues(a: Issue, b: Issue): number {
  // Issues about the whole return come first, then children in LAchildID order.
  if (a.laChildId !== b.laChildId) {
    if (a.laChildId === null) return -1
    if (b.laChildId === null) return 1
    return a.laChildId < b.laChildId ? -1 : 1
  }
  const byCode = compareRuleCodes(a.code, b.code)
  if (byCode !== 0) return byCode
  if (a.table !== b.table) return (a.table ?? '') < (b.table ?? '') ? -1 : 1
  return (a.row ?? -1) - (b.row ?? -1)
}

/** Runs every CIN census rule of the collection year and returns the breaches, by child then rule. */
export function checkCinCensus(tables: CinCensusTables, options: CheckOptions = {}): Issue[] {
  const collectionYear = options.collectionYear ?? CURRENT_COLLECTION_YEAR
  const ctx = makeContext(tables, collectionYear)
  const only = options.rules ? new Set(options.rules) : null
  const issues: Issue[] = []
  for (const rule of rulesFor(collectionYear)) {
    if (only && !only.has(rule.code)) continue
    for (const issue of rule.check(tables, ctx)) issues.push(issue)
  }
  return issues.sort(compareIssues)
}
