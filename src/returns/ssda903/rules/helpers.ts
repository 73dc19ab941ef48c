import { type Ssda903CodeListName, ssda903Codes } from '../../../domain/codes/codes.ts'
import { addYears, type IsoDate } from '../../shared/dates.ts'
import type { Ssda903Row, Ssda903TableName, Ssda903Tables, Ssda903Year } from '../tables.ts'
import type { IssueLocation, RuleContext, RuleType, Ssda903Issue, Ssda903Rule } from '../types.ts'
import { DFE_RULES, type DfeRuleCode } from './dfe-rules.ts'

/** A place a rule points at: a table, a row index and the fields involved. */
export interface Loc {
  table: Ssda903TableName
  row: number
  fields: readonly string[]
}

export function at(table: Ssda903TableName, row: number, ...fields: string[]): Loc {
  return { table, row, fields }
}

/** Records one breach: the primary location first, then any other rows involved. */
export type Report = (primary: Loc, ...related: Loc[]) => void

export type Finder = (t: Ssda903Tables, ctx: RuleContext, report: Report) => void

export interface RuleMeta {
  code: DfeRuleCode
  /** The table reported first. */
  table: Ssda903TableName
  /** The 903 validator has no error/query flag: every rule is an error unless it only asks to check. */
  type?: RuleType
  scope?: 'child' | 'return'
  earlier?: Partial<Record<Ssda903Year, string>>
}

/** A rule from its DfE code (message, fields and years come from dfe-rules.ts) and the logic that finds breaches. */
export function defineRule(meta: RuleMeta, find: Finder): Ssda903Rule {
  const text = DFE_RULES[meta.code]
  return {
    code: meta.code,
    type: meta.type ?? 'error',
    message: text.message,
    table: meta.table,
    affectedFields: text.affectedFields,
    years: text.years,
    ...(meta.earlier ? { earlier: meta.earlier } : {}),
    scope: meta.scope ?? 'child',
    check(t, ctx) {
      const issues: Ssda903Issue[] = []
      const seen = new Set<string>()
      const message = meta.earlier?.[ctx.collectionYear] ?? text.message
      const locate = (loc: Loc): IssueLocation => {
        const row = t[loc.table][loc.row] as { CHILD?: string | null } | undefined
        return {
          table: loc.table,
          row: loc.row,
          fields: [...loc.fields],
          laChildId: row?.CHILD ?? null,
          ids: {},
        }
      }
      find(t, ctx, (primary, ...related) => {
        const key = [primary, ...related].map((l) => `${l.table}:${l.row}:${l.fields.join('+')}`).join('|')
        if (seen.has(key)) return
        seen.add(key)
        const first = locate(primary)
        issues.push({
          code: meta.code,
          type: meta.type ?? 'error',
          message,
          laChildId: first.laChildId,
          table: first.table,
          fields: first.fields,
          row: first.row,
          ids: {},
          locations: [first, ...related.map(locate)],
        })
      })
      return issues
    },
  }
}

/** A rule that looks at one row at a time and flags the given fields of the rows that fail. */
export function rowRule<N extends Ssda903TableName>(
  table: N,
  fields: readonly string[],
  fails: (row: Ssda903Row<N>, ctx: RuleContext) => boolean,
): Finder {
  return (t, ctx, report) => {
    const rows = t[table] as readonly Ssda903Row<N>[]
    rows.forEach((row, i) => {
      if (fails(row, ctx)) report({ table, row: i, fields })
    })
  }
}

// --- Values ------------------------------------------------------------------------------------

export const blank = (value: string | null | undefined): boolean =>
  value === null || value === undefined || value.trim() === ''
export const present = (value: string | null | undefined): value is string => !blank(value)

const codeSets = new Map<string, ReadonlySet<string>>()

/** The codes of a 903 list as the latest validator accepts them (shared/specs/ssda903/ssda903_code_lists.json). */
export function codesOf(list: Ssda903CodeListName): ReadonlySet<string> {
  let set = codeSets.get(list)
  if (!set) {
    set = new Set(ssda903Codes(list).map((c) => c.code))
    codeSets.set(list, set)
  }
  return set
}

/** Missing, or not one of the codes. */
export const missingOrInvalid = (value: string | null, codes: ReadonlySet<string>): boolean =>
  value === null || !codes.has(value)

/** Given, but not one of the codes. */
export const invalidCode = (value: string | null, codes: ReadonlySet<string>): boolean =>
  present(value) && !codes.has(value)

export const TEMPORARY_PLACEMENTS: ReadonlySet<string> = new Set(['T0', 'T1', 'T2', 'T3', 'T4'])
export const SHORT_BREAKS: ReadonlySet<string> = new Set(['V3', 'V4'])
/** Placements not registered with Ofsted, so with no URN, as the 2024-25 rules list them (Z1 until 2025-26). */
export const NOT_OFSTED_REGISTERED = [
  'P1',
  'P3',
  'R1',
  'R2',
  'R5',
  'T0',
  'T1',
  'T2',
  'T3',
  'T4',
  'Z1',
] as const
export const ADOPTED: ReadonlySet<string> = new Set(['E11', 'E12'])

// --- Grouping ----------------------------------------------------------------------------------

/** Row indices grouped by CHILD, in table order. */
export function byChild(rows: readonly { CHILD: string | null }[]): Map<string, number[]> {
  const map = new Map<string, number[]>()
  rows.forEach((row, i) => {
    const key = row.CHILD ?? '\u0000'
    const list = map.get(key)
    if (list) list.push(i)
    else map.set(key, [i])
  })
  return map
}

const compareDates = (a: IsoDate | null, b: IsoDate | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1

/** Each child's rows sorted by a date column (blank dates last, then table order), as the validator sorts. */
export function sortedByChild<N extends Ssda903TableName>(
  t: Ssda903Tables,
  table: N,
  dateColumn: string,
): Map<string, number[]> {
  const rows = t[table] as readonly Record<string, string | null>[]
  const groups = byChild(rows as readonly { CHILD: string | null }[])
  for (const indices of groups.values())
    indices.sort((a, b) => compareDates(rows[a]![dateColumn] ?? null, rows[b]![dateColumn] ?? null) || a - b)
  return groups
}

/** Each child's episodes in DECOM order. */
export const episodesByChild = (t: Ssda903Tables) => sortedByChild(t, 'Episodes', 'DECOM')

/** The date of birth in each child's Header row. */
export function dobByChild(t: Ssda903Tables): Map<string, IsoDate | null> {
  const map = new Map<string, IsoDate | null>()
  for (const row of t.Header) if (row.CHILD !== null && !map.has(row.CHILD)) map.set(row.CHILD, row.DOB)
  return map
}

/** The Header row index of each child. */
export function headerRowByChild(t: Ssda903Tables): Map<string, number> {
  const map = new Map<string, number>()
  t.Header.forEach((row, i) => {
    if (row.CHILD !== null && !map.has(row.CHILD)) map.set(row.CHILD, i)
  })
  return map
}

/** The row at an index, which the caller knows exists. */
export function rowAt<T>(rows: readonly T[], i: number): T {
  return rows[i] as T
}

export interface CarePeriodRows {
  start: IsoDate | null
  /** The DEC of its last episode: null while the period is open. */
  end: IsoDate | null
  /** True when the last episode's REC says care ended (not X1). */
  ended: boolean
  episodes: number[]
}

/**
 * A child's episodes (in DECOM order) grouped into periods of care, as the validator does: a new period
 * starts when an episode begins after the previous one ended.
 */
export function periodsOfCare(t: Ssda903Tables, indices: readonly number[]): CarePeriodRows[] {
  const periods: CarePeriodRows[] = []
  let current: CarePeriodRows | null = null
  for (const i of indices) {
    const e = rowAt(t.Episodes, i)
    if (current && e.DECOM !== null && current.end !== null && e.DECOM > current.end) current = null
    if (!current) {
      current = { start: e.DECOM, end: null, ended: false, episodes: [] }
      periods.push(current)
    }
    current.episodes.push(i)
    current.end = e.DEC
    current.ended = e.DEC !== null && present(e.REC) && e.REC !== 'X1'
  }
  return periods
}

/**
 * Children looked after continuously for 12 months at 31 March (the OC2 cohort), as the DfE defines it
 * and the validator computes it: in care during the year, and no episode that starts care after 1 April,
 * ends care before 31 March, or is a short break (V3/V4).
 */
export function continuouslyLookedAfter(t: Ssda903Tables, ctx: RuleContext): Set<string> {
  const inYear = new Set<string>()
  const broken = new Set<string>()
  for (const e of t.Episodes) {
    if (e.CHILD === null) continue
    const during =
      e.DECOM !== null && e.DECOM <= ctx.collectionEnd && (e.DEC === null || e.DEC >= ctx.collectionStart)
    if (during) inYear.add(e.CHILD)
    const entersCare =
      e.RNE === 'S' && e.DECOM !== null && e.DECOM > ctx.collectionStart && e.DECOM <= ctx.collectionEnd
    const leavesCare =
      e.REC !== 'X1' && e.DEC !== null && e.DEC >= ctx.collectionStart && e.DEC < ctx.collectionEnd
    if (entersCare || leavesCare || (during && SHORT_BREAKS.has(e.LS ?? ''))) broken.add(e.CHILD)
  }
  return new Set([...inYear].filter((c) => !broken.has(c)))
}

/** Calls fn with each row and the row before it in the same child's (sorted) group. */
export function consecutive(
  groups: Map<string, number[]>,
  fn: (previous: number, current: number) => void,
): void {
  for (const indices of groups.values())
    for (let k = 1; k < indices.length; k++) fn(indices[k - 1]!, indices[k]!)
}

// --- Dates and ages ----------------------------------------------------------------------------

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** Not yet the given age on the date (false when either date is unknown). */
export function agedUnder(dob: IsoDate | null | undefined, years: number, date: IsoDate | null): boolean {
  return dob !== null && dob !== undefined && date !== null && date < addYears(dob, years)
}

/** The given age or older on the date (false when either date is unknown). */
export function agedAtLeast(dob: IsoDate | null | undefined, years: number, date: IsoDate | null): boolean {
  return dob !== null && dob !== undefined && date !== null && date >= addYears(dob, years)
}

/** Children with an episode still open at 31 March: looked after at the end of the year. */
export function lookedAfterAtYearEnd(t: Ssda903Tables, ctx: RuleContext): Set<string> {
  const children = new Set<string>()
  for (const e of t.Episodes)
    if (e.CHILD !== null && e.DEC === null && e.DECOM !== null && e.DECOM <= ctx.collectionEnd)
      children.add(e.CHILD)
  return children
}

/** Children with an episode of care at some time in the collection year. */
export function episodesInYear(
  t: Ssda903Tables,
  ctx: RuleContext,
  exclude?: ReadonlySet<string>,
): Set<string> {
  const children = new Set<string>()
  for (const e of t.Episodes)
    if (
      e.CHILD !== null &&
      e.DECOM !== null &&
      e.DECOM <= ctx.collectionEnd &&
      (e.DEC === null || e.DEC >= ctx.collectionStart) &&
      !exclude?.has(e.LS ?? '')
    )
      children.add(e.CHILD)
  return children
}

/** Any of the care leaver items of an OC3 row given. */
export const oc3Given = (r: {
  IN_TOUCH: string | null
  ACTIV: string | null
  ACCOM: string | null
}): boolean => [r.IN_TOUCH, r.ACTIV, r.ACCOM].some(present)

/** Any of the adoption items of an AD1 row given. */
export const ad1Given = (r: Ssda903Row<'AD1'>): boolean =>
  [r.DATE_INT, r.DATE_MATCH, r.FOSTER_CARE, r.NB_ADOPTR, r.SEX_ADOPTR, r.LS_ADOPTR].some(present)

export const ADOPTION_PLACEMENTS: ReadonlySet<string> = new Set(['A3', 'A4', 'A5', 'A6'])

export interface EpisodeRun {
  episodes: number[]
  /** Days from the first episode's start to the last one's end, or to 31 March while it is open. */
  days: number
}

/**
 * Each child's runs of consecutive episodes that match, one starting the day the one before ended (a change of
 * placement under the same legal status, say), as the validator measures how long a legal status or placement
 * lasted.
 */
export function episodeRuns(
  t: Ssda903Tables,
  ctx: RuleContext,
  matches: (e: Ssda903Row<'Episodes'>) => boolean,
): EpisodeRun[] {
  const runs: EpisodeRun[] = []
  for (const indices of episodesByChild(t).values()) {
    let run: number[] = []
    const close = () => {
      const first = run[0]
      const last = run.at(-1)
      if (first === undefined || last === undefined) return
      const start = rowAt(t.Episodes, first).DECOM as IsoDate
      const end = rowAt(t.Episodes, last).DEC ?? ctx.collectionEnd
      runs.push({ episodes: run, days: daysBetween(start, end) })
      run = []
    }
    for (const i of indices) {
      const e = rowAt(t.Episodes, i)
      const previous = run.at(-1)
      const continues =
        previous !== undefined && e.DECOM !== null && rowAt(t.Episodes, previous).DEC === e.DECOM
      if (!continues) close()
      if (matches(e) && e.DECOM !== null) run.push(i)
      else close()
    }
    close()
  }
  return runs
}

/** Flags every episode of a run under the legal status that lasted longer than the days allowed. */
export function legalStatusLongerThan(ls: string, maxDays: number): Finder {
  return (t, ctx, report) => {
    for (const run of episodeRuns(t, ctx, (e) => e.LS === ls))
      if (run.days > maxDays) for (const i of run.episodes) report(at('Episodes', i, 'LS', 'DECOM', 'DEC'))
  }
}

/** Episodes in the placement that began before the child reached the age (checked against the Header's DOB). */
export function placedUnderAge(place: string, years: number): Finder {
  return (t, _ctx, report) => {
    const dob = dobByChild(t)
    const header = headerRowByChild(t)
    t.Episodes.forEach((e, i) => {
      if (e.CHILD === null || e.PLACE !== place) return
      const h = header.get(e.CHILD)
      if (h !== undefined && agedUnder(dob.get(e.CHILD), years, e.DECOM))
        report(at('Episodes', i, 'DECOM', 'PLACE'), at('Header', h, 'DOB'))
    })
  }
}

/** Episodes in the placement that lasted longer than the days allowed (one still open, to 31 March). */
export function placedLongerThan(place: string, maxDays: number): Finder {
  return (t, ctx, report) => {
    t.Episodes.forEach((e, i) => {
      if (e.PLACE === place && e.DECOM !== null && daysBetween(e.DECOM, e.DEC ?? ctx.collectionEnd) > maxDays)
        report(at('Episodes', i, 'DECOM', 'DEC', 'PLACE'))
    })
  }
}

/** Episodes ending for one of the reasons when the child was under the age on the day care ended. */
export function ceasedUnderAge(reasons: ReadonlySet<string>, years: number): Finder {
  return (t, _ctx, report) => {
    const dob = dobByChild(t)
    const header = headerRowByChild(t)
    t.Episodes.forEach((e, i) => {
      if (e.CHILD === null || !reasons.has((e.REC ?? '').toUpperCase())) return
      const h = header.get(e.CHILD)
      if (h !== undefined && agedUnder(dob.get(e.CHILD), years, e.DEC))
        report(at('Episodes', i, 'REC', 'DEC'), at('Header', h, 'DOB'))
    })
  }
}

/** The first row of each child in a table (AD1 and Header have one a child). */
export function firstRowByChild(rows: readonly { CHILD: string | null }[]): Map<string, number> {
  const map = new Map<string, number>()
  rows.forEach((row, i) => {
    if (row.CHILD !== null && !map.has(row.CHILD)) map.set(row.CHILD, i)
  })
  return map
}

/** The birthday that falls in the collection year, and the age reached on it. */
export function birthdayInYear(dob: IsoDate, ctx: RuleContext): { on: IsoDate; age: number } {
  let age = Number(ctx.collectionEnd.slice(0, 4)) - Number(dob.slice(0, 4))
  let on = addYears(dob, age)
  if (on > ctx.collectionEnd) {
    age -= 1
    on = addYears(dob, age)
  }
  return { on, age }
}
