import type { CollectionYear } from '../../shared/collection-year.ts'
import type { CinCensusTables, CinTableName } from '../tables.ts'
import type { CinRule, Issue, IssueLocation, RowIds, RuleContext } from '../types.ts'

export type RuleMeta = Omit<CinRule, 'check'>
export type RowOf<N extends CinTableName> = CinCensusTables[N][number]

/** A place a rule points at, before ids are filled in from the row. */
export interface Loc {
  table: CinTableName
  row: number
  fields: readonly string[]
}

export function at(table: CinTableName, row: number, ...fields: string[]): Loc {
  return { table, row, fields }
}

export interface Report {
  /** Records one breach: the primary location first, then any other places involved. */
  (primary: Loc, ...related: Loc[]): void
  /** Records a breach of a rule about the whole return (no child or row). */
  returnLevel(): void
}

export type Finder = (t: CinCensusTables, ctx: RuleContext, report: Report) => void

export function messageFor(rule: Pick<CinRule, 'message' | 'earlier'>, year: CollectionYear): string {
  return rule.earlier?.[year]?.message ?? rule.message
}

function locate(t: CinCensusTables, loc: Loc): IssueLocation {
  const row = t[loc.table][loc.row] as Record<string, unknown> | undefined
  const ids: RowIds = {}
  for (const key of ['CINdetailsID', 'AssessmentID', 'CPPID'] as const) {
    const value = row?.[key]
    if (typeof value === 'number') ids[key] = value
  }
  const laChildId = typeof row?.LAchildID === 'string' ? row.LAchildID : null
  return { table: loc.table, row: loc.row, fields: [...loc.fields], laChildId, ids }
}

/** Builds a rule object from its DfE metadata and the logic that finds breaches. */
export function defineRule(meta: RuleMeta, find: Finder): CinRule {
  return {
    ...meta,
    check(t, ctx) {
      const issues: Issue[] = []
      const seen = new Set<string>()
      const message = messageFor(meta, ctx.collectionYear)
      const base = { code: meta.code, type: meta.type, message }
      const report = ((primary: Loc, ...related: Loc[]) => {
        // Joins can reach the same breach twice; report it once.
        const key = [primary, ...related].map((l) => `${l.table}:${l.row}:${l.fields.join('+')}`).join('|')
        if (seen.has(key)) return
        seen.add(key)
        const first = locate(t, primary)
        issues.push({
          ...base,
          laChildId: first.laChildId,
          table: first.table,
          fields: first.fields,
          row: first.row,
          ids: first.ids,
          locations: [first, ...related.map((l) => locate(t, l))],
        })
      }) as Report
      report.returnLevel = () => {
        if (seen.has('return')) return
        seen.add('return')
        issues.push({ ...base, laChildId: null, table: null, fields: [], row: null, ids: {}, locations: [] })
      }
      find(t, ctx, report)
      return issues
    },
  }
}

/** A rule that looks at one row at a time and flags the given fields of the rows that fail. */
export function rowRule<N extends CinTableName>(
  table: N,
  fields: readonly string[],
  fails: (row: RowOf<N>, ctx: RuleContext) => boolean,
): Finder {
  return (t, ctx, report) => {
    const rows = t[table] as readonly RowOf<N>[]
    rows.forEach((row, i) => {
      if (fails(row, ctx)) report({ table, row: i, fields })
    })
  }
}

type EpisodeTable = 'Assessments' | 'Section47' | 'ChildProtectionPlans' | 'CINplanDates'

/** Flags a date in a CIN episode's module that is before the episode's referral date. */
export function beforeReferralRule(table: EpisodeTable, field: string): Finder {
  return (t, _ctx, report) => {
    const episodes = byCin(t.CINdetails)
    const rows = t[table] as unknown as readonly (RowOf<EpisodeTable> & Record<string, unknown>)[]
    rows.forEach((row, i) => {
      const date = row[field] as string | null
      if (date === null) return
      for (const c of rowsOf(episodes, cinKey(row))) {
        const referral = rowAt(t.CINdetails, c).CINreferralDate
        if (referral !== null && date < referral)
          report(at(table, i, field), at('CINdetails', c, 'CINreferralDate'))
      }
    })
  }
}

// --- Keys and indexes ----------------------------------------------------------------------------
// Rows of one child are matched on LAchildID (and CINdetailsID within a CIN episode), as the
// validator's merges do; a missing LAchildID is a key of its own.

export function childKey(id: string | null): string {
  return id ?? '\u0000'
}

export function cinKey(row: { LAchildID: string | null; CINdetailsID: number }): string {
  return `${childKey(row.LAchildID)}\u0001${row.CINdetailsID}`
}

export function cppKey(row: { LAchildID: string | null; CINdetailsID: number; CPPID: number }): string {
  return `${cinKey(row)}\u0001${row.CPPID}`
}

export function assessmentKey(row: { LAchildID: string | null; CINdetailsID: number; AssessmentID: number }) {
  return `${cinKey(row)}\u0001${row.AssessmentID}`
}

/** Row indices grouped by key, in table order; `keep` leaves rows out. */
export function indexBy<T>(
  rows: readonly T[],
  key: (row: T) => string,
  keep?: (row: T) => boolean,
): Map<string, number[]> {
  const map = new Map<string, number[]>()
  rows.forEach((row, i) => {
    if (keep && !keep(row)) return
    const k = key(row)
    const list = map.get(k)
    if (list) list.push(i)
    else map.set(k, [i])
  })
  return map
}

export const byChild = <T extends { LAchildID: string | null }>(
  rows: readonly T[],
  keep?: (row: T) => boolean,
) => indexBy(rows, (r) => childKey(r.LAchildID), keep)

export const byCin = <T extends { LAchildID: string | null; CINdetailsID: number }>(
  rows: readonly T[],
  keep?: (row: T) => boolean,
) => indexBy(rows, cinKey, keep)

/** Looks up a key in an index, giving [] when absent. */
export function rowsOf(index: Map<string, number[]>, key: string): number[] {
  return index.get(key) ?? []
}

/** One issue for a group of rows: the first is the primary location, the rest are related. */
export function reportGroup(report: Report, locations: readonly Loc[]): void {
  const [first, ...rest] = locations
  if (first) report(first, ...rest)
}

/** Calls fn for every ordered pair of different rows in a group. */
export function eachPair(indices: readonly number[], fn: (a: number, b: number) => void): void {
  for (const a of indices) for (const b of indices) if (a !== b) fn(a, b)
}

/** The row at an index, which the caller knows exists. */
export function rowAt<T>(rows: readonly T[], i: number): T {
  return rows[i] as T
}

// --- Values -----------------------------------------------------------------------------------
// XSD booleans are true/false/1/0; the validator compares them in slightly different ways from
// rule to rule, here they are read case-insensitively everywhere.

export function isTrueFlag(value: string | null): boolean {
  const v = value?.trim().toLowerCase()
  return v === 'true' || v === '1'
}

export function isFalseFlag(value: string | null): boolean {
  const v = value?.trim().toLowerCase()
  return v === 'false' || v === '0'
}

/** Present but not one of the codes. */
export function invalidCode(value: string | null, codes: ReadonlySet<string>): boolean {
  return value !== null && !codes.has(value)
}

/** Missing, or not one of the codes. */
export function missingOrInvalidCode(value: string | null, codes: ReadonlySet<string>): boolean {
  return value === null || !codes.has(value)
}
