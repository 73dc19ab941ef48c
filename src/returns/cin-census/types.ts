import type { CollectionYear } from '../shared/collection-year.ts'
import type { IsoDate } from '../shared/dates.ts'
import type { CinCensusTables, CinTableName } from './tables.ts'

export type RuleType = 'error' | 'query'

/** The generated ids of a row, where its table has them, so a UI can link to the record to fix. */
export interface RowIds {
  CINdetailsID?: number
  AssessmentID?: number
  CPPID?: number
}

/** One place in the tables that a rule points at. */
export interface IssueLocation {
  table: CinTableName
  /** Index of the row within `tables[table]`. */
  row: number
  fields: string[]
  laChildId: string | null
  ids: RowIds
}

/**
 * One breach of one rule. The top-level table/fields/row/ids repeat the first (primary) location;
 * `locations` lists every place involved, e.g. an assessment and the referral it starts before.
 * Return-level rules (about the whole file) have no child, table or locations.
 */
export interface Issue {
  code: string
  type: RuleType
  message: string
  laChildId: string | null
  table: CinTableName | null
  fields: string[]
  row: number | null
  ids: RowIds
  locations: IssueLocation[]
}

export interface RuleContext {
  collectionYear: CollectionYear
  /** The header's ReferenceDate (end of the collection period), or 31 March of the collection year. */
  referenceDate: IsoDate
  /** The first day of the census period: ReferenceDate less a year plus a day (1 April). */
  collectionStart: IsoDate
}

export interface RuleVersion {
  message: string
  affectedFields: readonly string[]
}

export interface CinRule {
  code: string
  type: RuleType
  /** DfE message for the current year, verbatim. */
  message: string
  /** The table the DfE rule is filed under. */
  table: CinTableName
  affectedFields: readonly string[]
  /** Collection years the rule applies to; all supported years when absent. */
  years?: readonly CollectionYear[]
  /** Earlier wording, for years before the current one. */
  earlier?: Partial<Record<CollectionYear, RuleVersion>>
  check(tables: CinCensusTables, ctx: RuleContext): Issue[]
}
