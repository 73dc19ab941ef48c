import { compareRuleCodes } from '../cin-census/check.ts'
import { SSDA903_RULES } from './rules/index.ts'
import { type Ssda903Tables, type Ssda903Year, ssda903Period } from './tables.ts'
import type { RuleContext, Ssda903Issue, Ssda903Rule } from './types.ts'

export interface CheckOptions {
  collectionYear: Ssda903Year
  /** Run only these rule codes (default: every rule in force for the year). */
  rules?: readonly string[]
  /** Run only the rules that look at one child at a time, or only those that compare children. */
  scope?: Ssda903Rule['scope']
}

export function ssda903Context(year: Ssda903Year): RuleContext {
  const period = ssda903Period(year)
  return { collectionYear: year, collectionStart: period.start, collectionEnd: period.end }
}

export function ssda903RulesFor(year: Ssda903Year): Ssda903Rule[] {
  return SSDA903_RULES.filter((rule) => rule.years.includes(year))
}

/** Issues by child (in CHILD order, as numbers when they are), then rule, then table and row. */
export function compareSsda903Issues(a: Ssda903Issue, b: Ssda903Issue): number {
  if (a.laChildId !== b.laChildId) {
    if (a.laChildId === null) return -1
    if (b.laChildId === null) return 1
    const na = Number(a.laChildId)
    const nb = Number(b.laChildId)
    if (Number.isInteger(na) && Number.isInteger(nb) && na !== nb) return na - nb
    return a.laChildId < b.laChildId ? -1 : 1
  }
  const byCode = compareRuleCodes(a.code, b.code)
  if (byCode !== 0) return byCode
  if (a.table !== b.table) return (a.table ?? '') < (b.table ?? '') ? -1 : 1
  return (a.row ?? -1) - (b.row ?? -1)
}

/** Runs the SSDA903 rules of the collection year over the tables and returns the breaches, by child then rule. */
export function checkSsda903(tables: Ssda903Tables, options: CheckOptions): Ssda903Issue[] {
  const ctx = ssda903Context(options.collectionYear)
  const only = options.rules ? new Set(options.rules) : null
  const issues: Ssda903Issue[] = []
  for (const rule of ssda903RulesFor(options.collectionYear)) {
    if (only && !only.has(rule.code)) continue
    if (options.scope && rule.scope !== options.scope) continue
    for (const issue of rule.check(tables, ctx)) issues.push(issue)
  }
  return issues.sort(compareSsda903Issues)
}
