import type { IsoDate } from '../shared/dates.ts'
import type { Ssda903TableName, Ssda903Tables, Ssda903Year } from './tables.ts'

// The 903 checker's issues have the same shape as the CIN census checker's, so the returns page and API
// show both the same way. The 903 tables have no generated ids: a row is named by its table and index,
// which is its line in the file less the header.

export type RuleType = 'error' | 'query'

export interface IssueLocation {
  table: Ssda903TableName
  /** Index of the row within `tables[table]` (the file's line number less 2). */
  row: number
  fields: string[]
  laChildId: string | null
  ids: Record<string, number>
}

export interface Ssda903Issue {
  code: string
  type: RuleType
  message: string
  laChildId: string | null
  table: Ssda903TableName | null
  fields: string[]
  row: number | null
  ids: Record<string, number>
  locations: IssueLocation[]
}

export interface RuleContext {
  collectionYear: Ssda903Year
  /** 1 April: the first day of the collection year. */
  collectionStart: IsoDate
  /** 31 March: the last day. */
  collectionEnd: IsoDate
}

export interface Ssda903Rule {
  code: string
  type: RuleType
  /** DfE message for the latest year, verbatim. */
  message: string
  /** The table the issue is reported against first. */
  table: Ssda903TableName
  affectedFields: readonly string[]
  /** Collection years the rule is in force. */
  years: readonly Ssda903Year[]
  /** Earlier wording, where a year's message differs. */
  earlier?: Partial<Record<Ssda903Year, string>>
  /**
   * 'child' rules look only at one child's rows, so they can run batch by batch; 'return' rules compare
   * children (e.g. duplicate UPNs) and run once over the whole return.
   */
  scope: 'child' | 'return'
  check(tables: Ssda903Tables, ctx: RuleContext): Ssda903Issue[]
}
